"""leerlab: query the vmbo–mbo leerlabs of the programme Sterk beroepsonderwijs."""

__version__ = "0.1.0"

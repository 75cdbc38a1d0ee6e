
/* The page's filters: sector, vmbo leerweg, mbo niveau and province, and the map.
 *
 * Written to be safe with any URL fragment and any data: it builds no markup. It
 * only shows and hides what the page already holds (`hidden`) and writes numbers
 * and the page's own words (`textContent`); it reads the data from data- attributes
 * whose values are keys of [a-z0-9-]. A fragment key it does not know, or a value
 * that names no option, is ignored. Without JavaScript the form stays hidden and
 * the page shows everything. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shownLine = document.getElementById("filters_shown");
  var reset = document.getElementById("filters_reset");
  if (!form || !shownLine || !reset) {
    return;
  }
  var KEYS = ["sector", "van", "naar", "provincie"];
  var MAX_FRAGMENT = 2000;
  var MAX_VALUE = 64;
  var selects = {};
  KEYS.forEach(function (key) {
    var select = document.getElementById("filter_" + key);
    if (select && select.tagName === "SELECT") {
      selects[key] = select;
    }
  });

  var map = document.getElementById("province_map");
  var SHADES = 4;

  function words(text) {
    return text ? text.split(" ") : [];
  }

  var labs = [];
  document.querySelectorAll("tr[data-lab]").forEach(function (row) {
    labs.push({
      slug: row.getAttribute("data-lab"),
      sectors: words(row.getAttribute("data-sectors")),
      provinces: words(row.getAttribute("data-provinces")),
      routes: words(row.getAttribute("data-routes"))
    });
  });

  /* Lower case, no accents, every run of other characters one hyphen: as the page's
   * keys are made (`filter_key` in formats/html.py). */
  function key(text) {
    return text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  }

  /* The option of `select` a fragment's value names: its key, or the one option
   * with that word in its key (`zorg` for `zorg-en-welzijn`); otherwise none. */
  function optionFor(select, value) {
    var wanted = key(value);
    if (!wanted || wanted.length > MAX_VALUE) {
      return "";
    }
    var found = [];
    for (var index = 0; index < select.options.length; index += 1) {
      var option = select.options[index].value;
      if (!option) {
        continue;
      }
      if (option === wanted) {
        return option;
      }
      if (("-" + option + "-").indexOf("-" + wanted + "-") !== -1) {
        found.push(option);
      }
    }
    return found.length === 1 ? found[0] : "";
  }

  /* The choice a fragment such as #sector=zorg&naar=3 makes, or null when the
   * fragment is no choice (an anchor such as #apeldoorn, or far too long). */
  function fragmentChoice() {
    var fragment = window.location.hash.slice(1);
    if (fragment.length > MAX_FRAGMENT || fragment.indexOf("=") === -1) {
      return null;
    }
    var choice = {};
    fragment.split("&").forEach(function (part) {
      var equals = part.indexOf("=");
      var name = part.slice(0, equals);
      if (equals === -1 || !Object.prototype.hasOwnProperty.call(selects, name)) {
        return;
      }
      var value;
      try {
        value = decodeURIComponent(part.slice(equals + 1).replace(/\+/g, " "));
      } catch (error) {
        return;
      }
      var option = optionFor(selects[name], value);
      if (option) {
        choice[name] = option;
      }
    });
    return choice;
  }

  function currentChoice() {
    var choice = {};
    KEYS.forEach(function (name) {
      if (selects[name] && selects[name].value) {
        choice[name] = selects[name].value;
      }
    });
    return choice;
  }

  function matches(lab, choice) {
    if (choice.sector && lab.sectors.indexOf(choice.sector) === -1) {
      return false;
    }
    if (choice.provincie && lab.provinces.indexOf(choice.provincie) === -1) {
      return false;
    }
    if (!choice.van && !choice.naar) {
      return true;
    }
    return lab.routes.some(function (route) {
      var parts = route.split(":");
      return (!choice.van || parts[0] === choice.van) && (!choice.naar || parts[1] === choice.naar);
    });
  }

  function apply(choice) {
    var shown = {};
    var count = 0;
    labs.forEach(function (lab) {
      if (matches(lab, choice)) {
        shown[lab.slug] = true;
        count += 1;
      }
    });
    var isShown = function (slug) {
      return Object.prototype.hasOwnProperty.call(shown, slug);
    };
    document.querySelectorAll("[data-lab]").forEach(function (element) {
      element.hidden = !isShown(element.getAttribute("data-lab"));
    });
    document.querySelectorAll("[data-labs]").forEach(function (element) {
      element.hidden = !words(element.getAttribute("data-labs")).some(isShown);
    });
    // Each count is of the leerlabs listed beside it that are shown and not only planned.
    document.querySelectorAll(".count").forEach(function (element) {
      var listed = element.parentElement.querySelectorAll("li[data-lab]");
      var counted = 0;
      listed.forEach(function (item) {
        if (!item.hidden && !item.classList.contains("planned")) {
          counted += 1;
        }
      });
      element.textContent = String(counted);
    });
    var template = shownLine.getAttribute("data-template") || "";
    shownLine.textContent = template.split("{shown}").join(String(count));
    if (map) {
      shadeMap(isShown, choice);
    }
  }

  /* A province's name with its number: "Gelderland: 2 leerlabs", in the page's words. */
  function provinceLabel(name, count) {
    var template = map.getAttribute(count === 1 ? "data-one" : "data-many") || "";
    return template.split("{count}").join(String(count)).split("{province}").join(name);
  }

  /* Each province shaded and numbered by the leerlabs shown in it. */
  function shadeMap(isShown, choice) {
    map.querySelectorAll("g.province").forEach(function (group) {
      var province = group.getAttribute("data-province");
      var count = 0;
      labs.forEach(function (lab) {
        if (isShown(lab.slug) && lab.provinces.indexOf(province) !== -1) {
          count += 1;
        }
      });
      for (var shade = 0; shade < SHADES; shade += 1) {
        group.classList.toggle("shade-" + shade, shade === Math.min(count, SHADES - 1));
      }
      var label = provinceLabel(group.getAttribute("data-name") || "", count);
      var number = group.querySelector("text");
      var title = group.querySelector("title");
      if (number) {
        number.textContent = String(count);
      }
      if (title) {
        title.textContent = label;
      }
      if (group.getAttribute("role") === "button") {
        group.setAttribute("aria-label", label);
        group.setAttribute("aria-pressed", choice.provincie === province ? "true" : "false");
      }
    });
  }

  function writeFragment(choice) {
    var parts = [];
    KEYS.forEach(function (name) {
      if (choice[name]) {
        parts.push(name + "=" + encodeURIComponent(choice[name]));
      }
    });
    var url = window.location.pathname + window.location.search;
    try {
      window.history.replaceState(null, "", parts.length ? "#" + parts.join("&") : url);
    } catch (error) {
      // A page opened from a file may not change its address: the choice still applies.
    }
  }

  function choose(choice) {
    KEYS.forEach(function (name) {
      if (selects[name]) {
        selects[name].value = choice[name] || "";
      }
    });
    apply(currentChoice());
  }

  KEYS.forEach(function (name) {
    if (selects[name]) {
      selects[name].addEventListener("change", function () {
        var choice = currentChoice();
        apply(choice);
        writeFragment(choice);
      });
    }
  });
  reset.addEventListener("click", function () {
    choose({});
    writeFragment({});
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  window.addEventListener("hashchange", function () {
    var choice = fragmentChoice();
    if (choice !== null) {
      choose(choice);
    }
  });

  // A province that is one of the province filter's choices becomes a button for it.
  if (map && selects.provincie) {
    map.setAttribute("role", "group");
    map.querySelectorAll("g.province").forEach(function (group) {
      var province = optionFor(selects.provincie, group.getAttribute("data-province") || "");
      if (!province) {
        return;
      }
      var toggle = function () {
        var choice = currentChoice();
        choice.provincie = choice.provincie === province ? "" : province;
        choose(choice);
        writeFragment(currentChoice());
      };
      group.setAttribute("tabindex", "0");
      group.setAttribute("role", "button");
      group.addEventListener("click", toggle);
      group.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          toggle();
        }
      });
    });
  }

  form.hidden = false;
  choose(fragmentChoice() || {});
})();

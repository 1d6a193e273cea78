// newsweave web app: citations that reveal their sentences, highlight toggles, and the
// paste form's "add another article". Served as a file (the page's Content-Security-Policy
// allows no inline script). Text taken from the page is only ever set with textContent.
"use strict";

(function () {
  const tip = document.getElementById("cite-tip");
  const columns = document.getElementById("columns");
  let active = [];

  function sentencesOf(link) {
    const ids = (link.getAttribute("data-sentences") || "").split(" ").filter(Boolean);
    return ids.map(function (id) { return document.getElementById(id); }).filter(Boolean);
  }

  function sourceOf(sentence) {
    const column = sentence.closest(".column");
    const heading = column ? column.querySelector("h3") : null;
    return heading ? heading.textContent.trim() : "";
  }

  // Tooltip: the cited sentence(s) with their outlet, on hover and on keyboard focus.
  function showTip(link) {
    if (!tip) { return; }
    const sentences = sentencesOf(link);
    if (!sentences.length) { return; }
    tip.replaceChildren();
    const backs = link.getAttribute("data-backs");
    if (backs) {
      const scope = document.createElement("span");
      scope.className = "tip-scope";
      scope.textContent = backs;
      tip.append(scope);
    }
    sentences.forEach(function (sentence) {
      const source = document.createElement("span");
      source.className = "tip-source";
      source.textContent = sourceOf(sentence);
      const text = document.createElement("span");
      text.className = "tip-text";
      text.textContent = sentence.textContent;
      tip.append(source, text);
    });
    tip.hidden = false;
    const box = link.getBoundingClientRect();
    const width = tip.offsetWidth;
    const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    link.setAttribute("aria-describedby", "cite-tip");
  }

  function hideTip(link) {
    if (tip) { tip.hidden = true; }
    if (link) { link.removeAttribute("aria-describedby"); }
  }

  // Highlight cited sentences in their columns, bringing the first one's column into view.
  function highlight(sentences) {
    active.forEach(function (el) { el.classList.remove("active"); });
    active = sentences;
    sentences.forEach(function (el) { el.classList.add("active"); });
    const first = sentences[0];
    const column = first ? first.closest(".column") : null;
    if (columns && column) {
      columns.scrollLeft = column.offsetLeft - columns.offsetLeft;
    }
  }

  function goTo(sentence) {
    sentence.scrollIntoView({ block: "center", inline: "nearest" });
    sentence.focus({ preventScroll: true });
    history.replaceState(null, "", "#" + sentence.id);
  }

  function setEvidence(panel, open, link) {
    panel.hidden = !open;
    document.querySelectorAll('.cite[aria-controls="' + panel.id + '"]').forEach(function (cite) {
      cite.setAttribute("aria-expanded", String(open && cite === link));
    });
  }

  function openEvidence(link) {
    const panel = document.getElementById(link.getAttribute("data-evidence"));
    if (!panel) { return; }
    const again = !panel.hidden && link.getAttribute("aria-expanded") === "true";
    if (again) {
      setEvidence(panel, false, link);
      highlight([]);
      return;
    }
    setEvidence(panel, true, link);
    const ids = (link.getAttribute("data-sentences") || "").split(" ");
    panel.querySelectorAll(".evidence-item").forEach(function (item) {
      item.classList.toggle("current", ids.indexOf(item.getAttribute("data-sentence")) >= 0);
    });
    highlight(sentencesOf(link));
  }

  document.addEventListener("click", function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) { return; }
    const close = target.closest("[data-close]");
    if (close) {
      const panel = document.getElementById(close.getAttribute("data-close"));
      if (panel) {
        setEvidence(panel, false, null);
        const opener = document.querySelector('.cite[aria-controls="' + panel.id + '"]');
        if (opener) { opener.focus(); }
      }
      return;
    }
    const link = target.closest("[data-sentences]");
    if (!link) { return; }
    const sentences = sentencesOf(link);
    if (!sentences.length) { return; }
    event.preventDefault();
    hideTip(link);
    if (link.hasAttribute("data-evidence")) {
      openEvidence(link);
    } else {
      highlight(sentences);
      goTo(sentences[0]);
    }
  });

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      const link = event.target instanceof Element ? event.target.closest("a.cite[data-sentences]") : null;
      if (link) { showTip(link); }
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      const link = event.target instanceof Element ? event.target.closest("a.cite[data-sentences]") : null;
      if (link) { hideTip(link); }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    hideTip(null);
    const open = document.querySelector(".evidence:not([hidden])");
    if (open) {
      setEvidence(open, false, null);
      const opener = document.querySelector('.cite[aria-controls="' + open.id + '"]');
      if (opener) { opener.focus(); }
    }
  });

  // Legend: switch each kind of highlight on and off.
  document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (columns) { columns.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked); }
    });
  });

  // Paste form: one more pair of outlet and article boxes.
  const add = document.getElementById("add-box");
  const boxes = document.getElementById("paste-boxes");
  if (add && boxes) {
    add.hidden = false;
    add.addEventListener("click", function () {
      const all = boxes.querySelectorAll(".paste-box");
      const copy = all[all.length - 1].cloneNode(true);
      const number = all.length + 1;
      copy.querySelectorAll("label").forEach(function (label) {
        const field = label.getAttribute("for").split("-")[0];
        label.setAttribute("for", field + "-" + number);
        label.firstChild.textContent = (field === "source" ? "Outlet " : "Article ") + number + " ";
      });
      copy.querySelectorAll("input, textarea").forEach(function (field) {
        field.id = field.id.split("-")[0] + "-" + number;
        field.value = "";
      });
      boxes.append(copy);
      copy.querySelector("textarea").focus();
    });
  }
}());

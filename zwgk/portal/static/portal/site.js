/* The few behaviours of the portal and the workbench, bound by data attributes: no inline
   script anywhere, so the Content-Security-Policy forbids inline script (script-src 'self').
   Every page works without this file. */
(function () {
  "use strict";
  function on(selector, type, handler) {
    document.querySelectorAll(selector).forEach(function (el) { el.addEventListener(type, handler); });
  }
  // 关闭窗口: close a window opened by the section list; otherwise follow the link to the section.
  on("[data-close-window]", "click", function (event) {
    if (window.opener) { window.close(); event.preventDefault(); }
  });
  // 打印回执 / 打印本页
  on("[data-print]", "click", function (event) { window.print(); event.preventDefault(); });
  // 返回上一页: back in history; the link itself goes to the home page.
  on("[data-back]", "click", function (event) {
    if (window.history.length > 1) { window.history.back(); event.preventDefault(); }
  });
  // Workbench, manual masking (Art. 32): a selection in the original text fills the mask form.
  var maskForm = document.getElementById("mask-form");
  if (maskForm) {
    on(".original [data-field]", "mouseup", function (event) {
      var selection = window.getSelection();
      var text = selection ? selection.toString() : "";
      if (!text) { return; }
      maskForm.querySelector("[name=fragment]").value = text;
      maskForm.querySelector("[name=field]").value = event.currentTarget.dataset.field;
    });
  }
  // Workbench, reply templates (Art. 30): 使用此模板 fills the reply.
  on(".use-template", "click", function (event) {
    document.getElementById("reply-content").value = event.currentTarget.dataset.text;
  });
})();

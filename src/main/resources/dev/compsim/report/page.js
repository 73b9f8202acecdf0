// Shared by report.html and sweep.html, before the page's own script: a problem of the page's
// scripts is listed on the page (#page-errors) and counted in body[data-errors], which
// scripts/check-report reads.
var compsimPage = (function () {
  'use strict';
  var errors = 0;
  function fail(message) {
    errors++;
    document.body.setAttribute('data-errors', String(errors));
    var list = document.getElementById('page-errors');
    list.hidden = false;
    var item = document.createElement('li');
    item.textContent = message;
    list.appendChild(item);
  }
  window.addEventListener('error', function (event) { fail('error: ' + event.message); });
  return { fail: fail };
})();

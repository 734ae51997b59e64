// The handset simulator: a chosen .vcf file is read into the text area the form sends, so the
// form stays a plain urlencoded POST with its CSRF token (pasting the text works without this).
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('input[type=file][data-fills]') || !input.files.length) {
    return;
  }
  var target = document.getElementById(input.getAttribute('data-fills'));
  var reader = new FileReader();
  reader.onload = function () { target.value = reader.result; };
  reader.readAsText(input.files[0], 'UTF-8');
});

// A polled part of the page is not replaced while the keyboard focus is in it (a "Use earlier"
// button of the buckets, say), so that keyboard users do not lose their place every two seconds.
document.addEventListener('htmx:beforeRequest', function (event) {
  var target = event.detail && event.detail.elt;
  if (target && target.contains(document.activeElement) && document.activeElement !== target) {
    event.preventDefault();
  }
});

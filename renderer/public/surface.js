// The lobby kiosk is its own page (kiosk.html, a bundle without the desk). An address of the kiosk on the
// desk's page (index.html#/kiosk: an old shortcut, the preview's link) moves there before the desk's
// scripts run. A classic script, so it runs before the module entry does.
if (location.hash.indexOf('#/kiosk') === 0) location.replace('./kiosk.html' + location.hash);

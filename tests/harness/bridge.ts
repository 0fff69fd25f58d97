// The script the test host serves as /__bridge.js. It plays the preload's part in a plain browser:
// `window.caseworker` on desk pages, `window.kiosk` on the kiosk route (never both), each calling the
// host over HTTP. The session token lives in sessionStorage, like a window's session in main: a reload
// keeps it, a new browser context does not.
export const BRIDGE_SCRIPT = `(() => {
  const key = 'caseworker.harness.session';
  let token = sessionStorage.getItem(key);
  if (!token) { token = crypto.randomUUID(); sessionStorage.setItem(key, token); }
  const surface = location.hash.startsWith('#/kiosk') ? 'kiosk' : 'desk';
  const invoke = async (channel, input) => {
    const response = await fetch('/__bridge/' + surface, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caseworker-session': token },
      body: JSON.stringify({ channel, input: input === undefined ? {} : input }),
    });
    return response.json();
  };
  Object.defineProperty(window, surface === 'kiosk' ? 'kiosk' : 'caseworker', {
    value: Object.freeze({ invoke }), writable: false, configurable: false,
  });
})();
`;

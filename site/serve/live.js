// Live reload for `charter serve`: reloads on a new build, and shows the
// problems of an invalid charter over the last good page. Served only by serve.
(() => {
  const events = new EventSource('/__charter/events');
  let panel;
  const show = (problems) => {
    if (!problems.length) {
      panel?.remove();
      panel = undefined;
      return;
    }
    if (!panel) {
      panel = document.createElement('section');
      panel.setAttribute('role', 'alert');
      panel.setAttribute('aria-label', 'charter serve');
      panel.style.cssText =
        'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#fff;color:#0b0c0c;border-top:6px solid #d4351c;font:16px/1.4 system-ui,sans-serif;z-index:2147483647';
      document.body.append(panel);
    }
    panel.replaceChildren();
    const heading = document.createElement('h2');
    heading.textContent = 'The charters have errors; this is the last good build.';
    const list = document.createElement('ul');
    for (const problem of problems) {
      const item = document.createElement('li');
      item.textContent = problem;
      list.append(item);
    }
    panel.append(heading, list);
  };
  events.addEventListener('problems', (event) => show(JSON.parse(event.data)));
  events.addEventListener('reload', () => location.reload());
})();

// Hash routes (#/c/<company>/payrolls/<id>): the server serves one page, and a reload or a bookmark lands on the same view.

const routes = [];

export function route(pattern, handler) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  }) + '$');
  routes.push({ regex, names, handler });
}

export function currentLocation() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path, params: new URLSearchParams(search) };
}

export function match(path) {
  for (const { regex, names, handler } of routes) {
    const found = regex.exec(path);
    if (found) {
      const values = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
      return { handler, values };
    }
  }
  return null;
}

export function navigate(hash) {
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

// The caller's files: list, upload, download, delete.

import { h, fill } from '../dom.js';

export function filesView(screen) {
  const list = h('tbody');
  const status = h('p', { id: 'files-status', class: 'muted', role: 'status' });
  const input = h('input', { id: 'file-input', type: 'file' });

  async function refresh() {
    const answer = await screen.get('/api/v1/files/');
    fill(list, answer.results.length ? answer.results.map((name) => h('tr', { 'data-file': name },
      h('td', { class: 'file-name' }, name),
      h('td', null,
        h('button', { type: 'button', class: 'download', onclick: () => act(() => download(name)) }, 'Download'), ' ',
        h('button', { type: 'button', class: 'delete danger', onclick: () => {
          if (confirm(`Delete ${name}?`)) act(async () => (await screen.client.delete('/api/v1/files/delete/', { file: name })).message);
        } }, 'Delete'))))
      : h('tr', null, h('td', { colspan: 2, class: 'muted' }, 'No files.')));
  }

  async function act(task) {
    try {
      status.textContent = await task();
      screen.problem(null);
      await refresh();
    } catch (e) {
      screen.problem(e);
    }
  }

  async function download(name) {
    const res = await screen.client.fetch('/api/v1/files/download/', { file: name });
    const url = URL.createObjectURL(await res.blob());
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return `Downloaded ${name}.`;
  }

  const upload = h('form', { id: 'upload', class: 'toolbar', onsubmit: (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) {
      screen.problem(new Error('Choose a file to upload first.'));
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    act(async () => (await screen.client.upload('/api/v1/files/upload/', form)).message).then(() => { input.value = ''; });
  } }, input, h('button', { id: 'upload-submit', type: 'submit' }, 'Upload'));

  refresh().catch((e) => screen.problem(e));
  return h('section', { id: 'files-view' },
    h('h1', null, 'Files'), screen.banner, upload, status,
    h('table', { id: 'files', class: 'grid' }, h('thead', null, h('tr', null, h('th', null, 'Name'), h('th', null, ''))), list));
}

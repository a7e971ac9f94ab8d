/** The sandbox inbox page: plain HTML, no script, every value escaped. */
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

export interface InboxItem {
  to: string;
  channel: string;
  subject: string;
  text: string;
  createdAt: string;
}

export function sandboxInboxPage(items: readonly InboxItem[]): string {
  const rows = items
    .map(
      (m) => `<article data-testid="sandbox-message"><header><span class="ch">${escapeHtml(m.channel)}</span>
<b>${escapeHtml(m.to)}</b> <time>${escapeHtml(m.createdAt)}</time></header>
<h2>${escapeHtml(m.subject)}</h2><pre>${escapeHtml(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sandbox inbox</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f6fb;margin:0;padding:24px;color:#111827}
main{max-width:720px;margin:0 auto}h1{font-size:18px}article{background:#fff;border-radius:12px;padding:16px;margin:12px 0;box-shadow:0 4px 12px rgba(17,24,39,.06)}
.ch{display:inline-block;background:#e0f2fe;color:#075985;border-radius:999px;padding:2px 8px;font-size:12px;margin-right:8px}
h2{font-size:15px;margin:8px 0}pre{white-space:pre-wrap;font:inherit;margin:0}time{color:#6b7280;font-size:12px}
</style></head>
<body><main><h1>Vendra sandbox inbox</h1><p>Emails and SMS the sandbox kept instead of sending (newest first).</p>
${rows || '<p data-testid="sandbox-empty">Nothing yet.</p>'}
</main></body></html>`;
}

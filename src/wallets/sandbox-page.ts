/** The sandbox gateway's checkout page: plain HTML forms, no script (the CSP forbids inline scripts). */
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function major(minor: bigint): string {
  const s = minor.toString().padStart(3, '0');
  return `${s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${s.slice(-2)}`;
}

export function sandboxCheckoutPage(d: {
  reference: string;
  amount: bigint;
  currency: string;
  status: string;
}): string {
  const ref = escapeHtml(d.reference);
  const amount = `${d.currency.trim() === 'NGN' ? '₦' : `${escapeHtml(d.currency.trim())} `}${major(d.amount)}`;
  const done = d.status !== 'pending';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sandbox checkout · ${ref}</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f6fb;margin:0;display:grid;place-items:center;min-height:100vh;color:#111827}
main{background:#fff;border-radius:16px;box-shadow:0 10px 30px rgba(17,24,39,.08);padding:32px;max-width:380px;width:calc(100% - 32px)}
h1{font-size:14px;letter-spacing:.08em;text-transform:uppercase;color:#6b7280;margin:0 0 8px}
.amount{font-size:36px;font-weight:700;margin:8px 0 4px}.ref{color:#6b7280;font-size:13px;margin-bottom:24px}
.badge{display:inline-block;background:#fef3c7;color:#92400e;border-radius:999px;padding:2px 10px;font-size:12px;font-weight:600}
button{width:100%;padding:14px;border-radius:10px;border:0;font-size:16px;font-weight:600;cursor:pointer;margin-top:10px}
.pay{background:#0f766e;color:#fff}.fail{background:#fee2e2;color:#991b1b}button:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
</style></head>
<body><main>
<h1>Vendra sandbox gateway</h1><span class="badge">Test mode — no real money</span>
<div class="amount">${amount}</div><div class="ref">Reference ${ref}</div>
${
  done
    ? `<p>This checkout is already ${escapeHtml(d.status)}.</p><form method="get" action="/"><button class="pay" type="submit">Back to Vendra</button></form>`
    : `<form method="post" action="/sandbox/checkout/${ref}"><input type="hidden" name="outcome" value="success"><button class="pay" type="submit" data-testid="sandbox-pay">Pay ${amount}</button></form>
<form method="post" action="/sandbox/checkout/${ref}"><input type="hidden" name="outcome" value="failed"><button class="fail" type="submit" data-testid="sandbox-fail">Fail payment</button></form>`
}
</main></body></html>`;
}

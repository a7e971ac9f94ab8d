/**
 * The sandbox's "send a bank transfer" page: plain HTML forms, no script (the
 * CSP forbids inline scripts), in the style of the sandbox checkout page.
 */
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A form's naira amount ("1500", "1,500.50") as kobo, or undefined when it is not one. */
export function nairaToKobo(text: string): number | undefined {
  const m = /^([0-9]{1,10})(?:\.([0-9]{1,2}))?$/.exec(text.replaceAll(',', '').trim());
  if (!m) return undefined;
  const kobo = BigInt(m[1] as string) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  return kobo > 0n && kobo <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(kobo) : undefined;
}

export function sandboxBankTransferPage(d: { accountNumber?: string; sent?: string }): string {
  const number = escapeHtml(d.accountNumber ?? '');
  const sent = d.sent
    ? `<p class="sent" data-testid="sandbox-transfer-sent">Transfer sent (reference ${escapeHtml(d.sent)}). The wallet is credited when the signed webhook lands.</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sandbox bank transfer</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f6fb;margin:0;display:grid;place-items:center;min-height:100vh;color:#111827}
main{box-sizing:border-box;background:#fff;border-radius:16px;box-shadow:0 10px 30px rgba(17,24,39,.08);padding:24px;max-width:380px;width:calc(100% - 32px)}
h1{font-size:14px;letter-spacing:.08em;text-transform:uppercase;color:#6b7280;margin:0 0 8px}
.badge{display:inline-block;background:#fef3c7;color:#92400e;border-radius:999px;padding:2px 10px;font-size:12px;font-weight:600}
label{display:block;font-size:13px;color:#374151;margin-top:14px}input{width:100%;box-sizing:border-box;padding:12px;border:1px solid #d1d5db;border-radius:10px;font-size:16px;margin-top:4px}
button{width:100%;padding:14px;border-radius:10px;border:0;font-size:16px;font-weight:600;cursor:pointer;margin-top:18px;background:#0f766e;color:#fff}
button:focus-visible,input:focus-visible{outline:3px solid #2563eb;outline-offset:2px}.sent{background:#ecfdf5;color:#065f46;border-radius:10px;padding:10px;font-size:14px}
</style></head>
<body><main>
<h1>Vendra sandbox bank</h1><span class="badge">Test mode — no real money</span>
<p>Send money by bank transfer to any 10-digit account number, as someone at another bank would.</p>
${sent}
<form method="post" action="/sandbox/bank-transfers">
<label>Account number<input name="accountNumber" inputmode="numeric" pattern="[0-9]{10}" maxlength="10" required value="${number}" data-testid="sandbox-transfer-account"></label>
<label>Amount (₦)<input name="amount" inputmode="decimal" required placeholder="5000.00" data-testid="sandbox-transfer-amount"></label>
<label>Sender's name<input name="senderName" maxlength="100" value="ADAEZE OKAFOR"></label>
<label>Sender's bank<input name="senderBank" maxlength="100" value="GTBank"></label>
<button type="submit" data-testid="sandbox-transfer-send">Send transfer</button>
</form>
</main></body></html>`;
}

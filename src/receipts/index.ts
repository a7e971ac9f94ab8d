/** Receipts of wallet transactions, as PDF and PNG. */
export { formatMoney, groupToken } from './format.js';
export { renderPdf } from './pdf.js';
export { renderPng } from './png.js';
export { type Receipt, receiptOf } from './receipt.js';
export { receiptRoutes } from './routes.js';

/** Beneficiaries: a person's saved recipients and bank accounts, with their resolved names. */
export {
  type BeneficiaryView,
  listBeneficiaries,
  MAX_BENEFICIARIES,
  removeBeneficiary,
  renameBeneficiary,
  saveBeneficiary,
} from './beneficiaries.js';
export { beneficiaryRoutes } from './routes.js';

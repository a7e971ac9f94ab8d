import { defineStates } from '../db/state-machine.js';

export type CampaignStatus = 'draft' | 'active' | 'paused' | 'ended';

/** A campaign's life: started, paused and resumed, ended for good. */
export const campaignStates = defineStates<CampaignStatus>('campaign', {
  draft: ['active', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
});

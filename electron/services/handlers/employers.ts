import type { employersChannels } from '../../../shared/contract/employers.ts';
import {
  assessEmployer,
  createEmployer,
  createOpening,
  discoveryWorkList,
  employerDetail,
  findEmployers,
  findOpenings,
  logEmployerContact,
  openingDetail,
  recordPackageStep,
  setOpeningStatus,
  updateEmployer,
  updateOpening,
} from '../employers.ts';
import { rankJobseekersForOpening, rankOpeningsForJobseeker } from '../matching.ts';
import {
  dueFollowUps,
  jobseekerReferralHistory,
  recordPlacement,
  recordPlacementFollowUp,
} from '../placements.ts';
import {
  centerCounselors,
  createReferral,
  openReferral,
  recordReferralEvent,
  referralBoard,
  referralsForOpening,
} from '../referrals.ts';
import { actor, type HandlerMap } from './types.ts';

export const employersHandlers: HandlerMap<keyof typeof employersChannels> = {
  'employers:list': (input, call) => findEmployers(call.services, input),
  'employers:get': ({ id }, call) => employerDetail(call.services, id),
  'employers:create': ({ fields }, call) => createEmployer(call.services, actor(call), fields),
  'employers:update': ({ id, baseSeq, fields }, call) =>
    updateEmployer(call.services, actor(call), id, baseSeq, fields),
  'employers:assess': (input, call) => assessEmployer(call.services, actor(call), input),
  'employers:logContact': (input, call) => logEmployerContact(call.services, actor(call), input),
  'employers:discovery': (input, call) => discoveryWorkList(call.services, input),
  'employers:recordPackageStep': (input, call) => recordPackageStep(call.services, actor(call), input),

  'openings:list': (input, call) => findOpenings(call.services, input),
  'openings:get': ({ id }, call) => openingDetail(call.services, id),
  'openings:create': ({ employerId, fields }, call) =>
    createOpening(call.services, actor(call), employerId, fields),
  'openings:update': ({ id, baseSeq, fields }, call) =>
    updateOpening(call.services, actor(call), id, baseSeq, fields),
  'openings:setStatus': ({ id, status }, call) => setOpeningStatus(call.services, actor(call), id, status),

  'matching:forOpening': ({ openingId, limit }, call) =>
    rankJobseekersForOpening(call.services, actor(call), openingId, limit),
  'matching:forJobseeker': ({ jobseekerId, limit }, call) =>
    rankOpeningsForJobseeker(call.services, actor(call), jobseekerId, limit),

  'referrals:create': (input, call) => createReferral(call.services, actor(call), input),
  'referrals:record': (input, call) => recordReferralEvent(call.services, actor(call), input),
  'referrals:get': ({ id }, call) => openReferral(call.services, actor(call), id),
  'referrals:board': (input, call) => referralBoard(call.services, actor(call), input),
  'referrals:counselors': (_input, call) => centerCounselors(call.services, actor(call)),
  'referrals:forOpening': ({ openingId }, call) => referralsForOpening(call.services, actor(call), openingId),
  'referrals:forJobseeker': ({ jobseekerId }, call) =>
    jobseekerReferralHistory(call.services, actor(call), jobseekerId),
  'referrals:dueFollowUps': (input, call) => dueFollowUps(call.services, actor(call), input),
  'referrals:recordPlacement': (input, call) => recordPlacement(call.services, actor(call), input),
  'referrals:placementFollowUp': (input, call) => recordPlacementFollowUp(call.services, actor(call), input),
};

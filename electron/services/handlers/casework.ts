import type { caseworkChannels } from '../../../shared/contract/casework.ts';
import {
  addCompetency,
  addNote,
  caseload,
  decideReview,
  getCaseFile,
  importCompetency,
  issueCertificate,
  previewImport,
  requestReview,
  reviseNote,
  saveAssessment,
  setPlanStep,
  verifyCertificate,
} from '../casework.ts';
import { recordConsent } from '../consent-record.ts';
import { saveIntake } from '../intake-save.ts';
import { actor, type HandlerMap } from './types.ts';

export const caseworkHandlers: HandlerMap<keyof typeof caseworkChannels> = {
  'casework:get': ({ jobseekerId }, call) => getCaseFile(call.services, actor(call), jobseekerId),
  'casework:saveAssessment': (input, call) => saveAssessment(call.services, actor(call), input),
  'casework:saveIntake': (input, call) => saveIntake(call.services, actor(call), input),
  'casework:requestReview': (input, call) => requestReview(call.services, actor(call), input),
  'casework:decideReview': (input, call) => decideReview(call.services, actor(call), input),
  'casework:setStep': (input, call) => setPlanStep(call.services, actor(call), input),
  'casework:addNote': (input, call) => addNote(call.services, actor(call), input),
  'casework:reviseNote': (input, call) => reviseNote(call.services, actor(call), input),
  'casework:recordConsent': (input, call) => recordConsent(call.services, actor(call), input),
  'casework:addCompetency': (input, call) => addCompetency(call.services, actor(call), input),
  'casework:previewImport': (input, call) => previewImport(call.services, actor(call), input),
  'casework:import': (input, call) => importCompetency(call.services, actor(call), input),
  'casework:issueCertificate': (input, call) => issueCertificate(call.services, actor(call), input),
  'casework:verifyCertificate': ({ code }, call) => verifyCertificate(call.services, actor(call), code),
  'casework:caseload': (input, call) => caseload(call.services, actor(call), input),
};

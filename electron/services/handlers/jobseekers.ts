import type { jobseekerChannels } from '../../../shared/contract/jobseekers.ts';
import {
  archiveJobseeker,
  assigneesFor,
  assignJobseeker,
  createJobseeker,
  findDuplicates,
  listForCounselor,
  openJobseeker,
  updateJobseeker,
} from '../jobseekers.ts';
import { actor, type HandlerMap } from './types.ts';

export const jobseekerHandlers: HandlerMap<keyof typeof jobseekerChannels> = {
  'jobseekers:list': (input, call) => listForCounselor(call.services, actor(call), input),
  'jobseekers:get': ({ id }, call) => openJobseeker(call.services, actor(call), id),
  'jobseekers:findDuplicates': (input, call) => findDuplicates(call.services, actor(call), input),
  'jobseekers:create': ({ fields, confirmedNotDuplicate }, call) =>
    createJobseeker(call.services, actor(call), fields, confirmedNotDuplicate),
  'jobseekers:update': ({ id, baseSeq, fields }, call) =>
    updateJobseeker(call.services, actor(call), id, baseSeq, fields),
  'jobseekers:assignees': ({ id }, call) => assigneesFor(call.services, actor(call), id),
  'jobseekers:assign': ({ id, baseSeq, counselorId }, call) =>
    assignJobseeker(call.services, actor(call), id, baseSeq, counselorId),
  'jobseekers:archive': ({ id, baseSeq, archived }, call) =>
    archiveJobseeker(call.services, actor(call), id, baseSeq, archived),
};

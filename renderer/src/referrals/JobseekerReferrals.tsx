// A jobseeker's referral history and recommended openings, shown on the jobseeker page (issue 4).
export function JobseekerReferrals(_props: { jobseekerId: string }) {
  return null;
}

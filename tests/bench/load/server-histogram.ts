// The server's own view of a route's latency, from its Prometheus histogram
// (caseworker_http_request_duration_seconds): the upper bound of the bucket that holds the p-th
// percentile. Set beside the desktops' times, it says how much of a request's time was spent inside
// the server and how much waiting for a CPU or the network on this shared machine.

export function histogramPercentileMs(
  metrics: string,
  route: string,
  method: string,
  p: number,
): number | null {
  const buckets: Array<{ le: number; count: number }> = [];
  const prefix = 'caseworker_http_request_duration_seconds_bucket{';
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(prefix)) continue;
    if (!line.includes(`route="${route}"`) || !line.includes(`method="${method}"`)) continue;
    const le = /le="([^"]+)"/.exec(line)?.[1];
    const count = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (le !== undefined) buckets.push({ le: le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), count });
  }
  buckets.sort((a, b) => a.le - b.le);
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return null;
  const rank = Math.ceil((p / 100) * total);
  const hit = buckets.find((b) => b.count >= rank);
  return hit ? hit.le * 1000 : null;
}

// What Simplify promises for Tencent's times: Unix seconds as ISO strings, and 0 ("never", "not muted") as null.
export const isoOrNull = (seconds: number): string | null => (seconds > 0 ? new Date(seconds * 1000).toISOString() : null);

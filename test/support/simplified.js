'use strict';
// What Simplify promises for Tencent's times: Unix seconds as ISO strings, and 0 ("never", "not muted") as null.
const isoOrNull = (seconds) => (seconds > 0 ? new Date(seconds * 1000).toISOString() : null);

module.exports = { isoOrNull };

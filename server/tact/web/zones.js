// Timezone pickers filled from the browser's own zone list, and "now" as a wall-clock time in a zone.

export function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Fill a <select> with every zone the browser knows; `emptyLabel` adds a first "no zone" choice. */
export function fillZoneSelect(select, selected, emptyLabel) {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const names = new Set(zones);
  if (selected) names.add(selected);
  // Names only: a formatter per zone to show its offset costs about a second on a slow machine.
  const options = [...names].sort().map((zone) => new Option(zone.replaceAll("_", " "), zone));
  if (emptyLabel !== undefined) options.unshift(new Option(emptyLabel, ""));
  select.replaceChildren(...options);
  select.value = selected || "";
}

/** Make sure `zone` is a choice of `select` (a sample may name one the browser lists differently). */
export function selectZone(select, zone) {
  if (zone && ![...select.options].some((option) => option.value === zone)) {
    select.add(new Option(zone.replaceAll("_", " "), zone));
  }
  select.value = zone || "";
}

/** "2026-07-14T09:30": the wall-clock time now in `zone`, as a datetime-local input wants it. */
export function nowIn(zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {
    timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** English country names for the ISO codes the seed data and defaults use. */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  AE: "United Arab Emirates",
  AU: "Australia",
  CA: "Canada",
  CH: "Switzerland",
  DE: "Germany",
  ES: "Spain",
  FR: "France",
  GB: "United Kingdom",
  HK: "Hong Kong",
  IE: "Ireland",
  IT: "Italy",
  JP: "Japan",
  MX: "Mexico",
  NL: "Netherlands",
  NZ: "New Zealand",
  SE: "Sweden",
  SG: "Singapore",
  US: "United States",
}

export function countryNameFor(countryCode: string): string {
  return COUNTRY_NAMES[countryCode] ?? countryCode
}

import type { AthleteProfileInput } from "@loadline/domain";

type DemoAthlete = Omit<AthleteProfileInput, "squadIds" | "notes"> & {
  email: string;
  squad: "distance" | "field";
  notes?: string;
  /** Days ago the athlete joined the club (dates stay relative to the seed day). */
  joinedDaysAgo: number;
  /** Still has to open their invite link. */
  invited?: boolean;
  archived?: boolean;
};

export const DEMO_PASSWORD = "loadline-demo";

export const demoStaff = {
  coach: { name: "Sam Whitfield", email: "coach@loadline.demo" },
  physio: { name: "Dr Priya Nair", email: "physio@loadline.demo" },
} as const;

/** The athlete whose login the README documents. */
export const demoAthleteEmail = "athlete@loadline.demo";

const distance = (
  name: string,
  email: string,
  eventOrSport: string,
  birthYear: number,
  sex: AthleteProfileInput["sex"],
  km: number,
  extra: Partial<DemoAthlete> = {},
): DemoAthlete => ({
  name,
  email,
  eventOrSport,
  birthYear,
  sex,
  preInjuryWeeklyKm: km,
  previousHamstringInjury: false,
  conditions: [],
  squad: "distance",
  joinedDaysAgo: 400,
  ...extra,
});

const field = (
  name: string,
  email: string,
  eventOrSport: string,
  birthYear: number,
  sex: AthleteProfileInput["sex"],
  km: number,
  extra: Partial<DemoAthlete> = {},
): DemoAthlete => ({ ...distance(name, email, eventOrSport, birthYear, sex, km, extra), squad: "field", ...extra });

export const demoAthletes: DemoAthlete[] = [
  distance("Maya Okafor", demoAthleteEmail, "10,000 m", 1998, "female", 75, {
    previousHamstringInjury: true,
    notes: "Deep buttock pain on the right since the spring mileage block.",
    joinedDaysAgo: 620,
  }),
  distance("Tom Hargreaves", "tom.hargreaves@loadline.demo", "Marathon", 1986, "male", 110, { joinedDaysAgo: 900 }),
  distance("Aisha Rahman", "aisha.rahman@loadline.demo", "5,000 m", 2001, "female", 70),
  distance("Lukas Brandt", "lukas.brandt@loadline.demo", "Half marathon", 1990, "male", 90, {
    conditions: ["diabetes"],
  }),
  distance("Chloe Martin", "chloe.martin@loadline.demo", "3,000 m steeplechase", 2003, "female", 65),
  distance("Daniel Osei", "daniel.osei@loadline.demo", "Marathon", 1983, "male", 120, {
    previousHamstringInjury: true,
    joinedDaysAgo: 1100,
  }),
  distance("Hannah Lee", "hannah.lee@loadline.demo", "Cross country", 2004, "female", 55, { joinedDaysAgo: 120 }),
  distance("Rory Gallagher", "rory.gallagher@loadline.demo", "1,500 m", 2002, "male", 80),
  distance("Sofia Moreno", "sofia.moreno@loadline.demo", "10,000 m", 1995, "female", 85, {
    conditions: ["autoimmune"],
  }),
  distance("Ben Carter", "ben.carter@loadline.demo", "Trail ultra", 1979, "male", 100, { joinedDaysAgo: 30 }),
  distance("Ella Fitzgerald", "ella.fitzgerald@loadline.demo", "Half marathon", 1999, "female", 60, {
    invited: true,
    joinedDaysAgo: 3,
  }),
  distance("Noah Williams", "noah.williams@loadline.demo", "5,000 m", 2000, "male", 70, { archived: true }),
  field("Jordan Blake", "jordan.blake@loadline.demo", "100 m / 200 m", 2002, "male", 15),
  field("Imani Johnson", "imani.johnson@loadline.demo", "Long jump", 2003, "female", 12),
  field("Kai Nakamura", "kai.nakamura@loadline.demo", "Rugby sevens", 1997, "male", 25, { previousHamstringInjury: true }),
  field("Grace O'Neill", "grace.oneill@loadline.demo", "Hockey", 2001, "female", 20),
  field("Mateo Silva", "mateo.silva@loadline.demo", "Football (soccer)", 1999, "male", 30),
  field("Freya Andersen", "freya.andersen@loadline.demo", "400 m hurdles", 2004, "female", 18),
  field("Oliver Grant", "oliver.grant@loadline.demo", "Triple jump", 1996, "male", 14, { conditions: ["haemochromatosis"] }),
  field("Zara Ahmed", "zara.ahmed@loadline.demo", "Gaelic football", 2000, "female", 28),
  field("Ethan Brooks", "ethan.brooks@loadline.demo", "Rugby union", 1994, "male", 22, { joinedDaysAgo: 45 }),
  field("Lily Chen", "lily.chen@loadline.demo", "100 m hurdles", 2005, "female", 16),
  field("Marcus Reid", "marcus.reid@loadline.demo", "Decathlon", 1998, "male", 24, { invited: true, joinedDaysAgo: 1 }),
  field("Nina Kowalski", "nina.kowalski@loadline.demo", "Netball", 2002, "female", 15),
];

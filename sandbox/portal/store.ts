/** In-memory state of the sandbox portal (one per running sandbox). */
import { buildScenario } from '../data/scenarios.ts';
import type { Admin, Firm, Location, Person, SandboxOptions, Scenario } from '../data/types.ts';

export class PortalStore {
  scenario = 'default';
  admin: Admin = { name: '', email: '' };
  firms = new Map<string, Firm>();
  locations = new Map<string, Location>();
  people = new Map<string, Person>();
  options: SandboxOptions;

  constructor(scenario: Scenario, options: SandboxOptions) {
    this.options = options;
    this.load(scenario);
  }

  load(scenario: Scenario): void {
    const s = structuredClone(scenario);
    this.scenario = s.name;
    this.admin = s.admin;
    this.firms = new Map(s.firms.map((f) => [f.id, f]));
    this.locations = new Map(s.locations.map((l) => [l.id, l]));
    this.people = new Map(s.people.map((p) => [p.id, p]));
  }

  reset(name: string): Scenario {
    const s = buildScenario(name);
    this.load(s);
    return s;
  }

  locationsOf(firmId: string): Location[] {
    return [...this.locations.values()].filter((l) => l.firmId === firmId);
  }

  peopleOf(locationId: string): Person[] {
    return [...this.people.values()].filter((p) => p.locationId === locationId);
  }

  dump(): unknown {
    return {
      scenario: this.scenario,
      options: this.options,
      admin: this.admin,
      firms: [...this.firms.values()],
      locations: [...this.locations.values()],
      people: [...this.people.values()],
    };
  }
}

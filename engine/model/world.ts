/**
 * The world of one replicate: authorities, children, agencies, front door, pathways, social workers,
 * boards, inspection and money, run on the kernel's `Simulation` as one event handler.
 *
 * `simulateWorld` is a pure function of its input: the same input gives a bit-identical output. It
 * knows structures only as indices into `input.structures` (their `Mechanisms` and disruption), never
 * by name.
 */
import { Calendar, Simulation, exponential } from '../kernel/index.ts';
import type { AgentTimers, EventHandler, Stream } from '../kernel/index.ts';
import type { Authority } from './authority.ts';
import { ACTION, boardQuarter, spotChance } from './boards.ts';
import type { Kpis } from './boards.ts';
import { CHILD_CHANNELS, ChildStream, childBits, exponentialOfBits, unitOf } from './child-streams.ts';
import { ChildStore, isHelp } from './children.ts';
import { AGE_OUT_DAYS, CASE_STEP, DAYS_PER_YEAR, LEVEL_COUNT, NEED_CELLS, SERVICE, SERVICE_COUNT, YEAR_DAYS } from './codes.ts';
import { falseReferralPerChildDay, referralPerDay } from './agencies.ts';
import { SCREENING, screeningCutoffs, screeningDecision } from './front-door.ts';
import type { ScreeningCutoffs } from './front-door.ts';
import type { ScreeningContext } from './front-door.ts';
import { gradeOf, performanceScore } from './inspection.ts';
import { NO_DISRUPTION, disruptionWeight } from './mechanisms.ts';
import type { DisruptionProfile, Mechanisms, ScreeningView } from './mechanisms.ts';
import { escalationPerDay, resolutionPerDay } from './need.ts';
import { INSPECTION_GRADES, OUTCOME_IDS, SERIES_IDS } from './outcomes.ts';
import type { OutcomeId, SeriesId } from './outcomes.ts';
import type { Parameters } from './parameters.ts';
import { OUTCOME, assessmentOutcomeGivenMiss, careEndOutcome, childInNeedReview, inverseNormal, lognormalShape, meanAssessmentWorkingDays, missChance, normalOfBits, protectionReview } from './pathways.ts';
import type { AssessmentContext, AssessmentResult } from './pathways.ts';
import { modelStream } from './purposes.ts';
import { Workforce, updatePools, updateWorkload, workforceWeek } from './workforce.ts';

/** One structure as the model sees it: its mechanisms and the disruption of a change into it. */
export interface StructureSpec {
  readonly mechanisms: Mechanisms;
  readonly disruption: DisruptionProfile;
}

/** Everything one replicate of one arm needs (plain data). */
export interface WorldInput {
  readonly params: Parameters;
  readonly authorities: readonly Authority[];
  readonly rootSeed: number;
  readonly replicate: number;
  /** First day of the horizon, ISO date. */
  readonly startIso: string;
  readonly warmupYears: number;
  readonly horizonYears: number;
  /** Structures by index (the model never sees their names). */
  readonly structures: readonly StructureSpec[];
  /** Index of the structure in force from the start (warm-up included). */
  readonly initialStructure: number;
  /** Scheduled changes (applied to every authority), in date order. */
  readonly changes: readonly { readonly dateIso: string; readonly structure: number }[];
  /** Structure imposed after an unimproved "inadequate" judgement; -1 for none. */
  readonly interventionStructure: number;
  readonly improveWithinMonths: number;
}

/** A structural change that happened (indices, days from the horizon start). */
export interface WorldChange {
  readonly day: number;
  readonly date: string;
  readonly authority: number;
  readonly structure: number;
  readonly cause: 'scheduled' | 'intervention';
}

/** Flows and stocks the outcomes do not show, for calibration and tests (horizon totals, all authorities). */
export interface WorldDiagnostics {
  referrals: number;
  noFurtherAction: number;
  earlyHelpFromFrontDoor: number;
  assessmentsStarted: number;
  assessedNotInNeed: number;
  s47: number;
  protectionStarts: number;
  careStarts: number;
  careEnds: number;
  agedOut: number;
  /** Children in the aggregate population plus agents, per authority, at the end (equals the population). */
  conservedChildren: number[];
  /** Agents alive at the end. */
  agents: number;
  /** Largest number of agents' slots ever used. */
  agentSlots: number;
  /** Mean permanent workers in post over the horizon. */
  meanPermanent: number;
  /** Agents at the end by need level (rows) and service (columns), all authorities, per 10,000 children. */
  agentsPer10kByLevelService: number[][];
  /** Events processed by kind (warm-up included), keyed by `EVENT_KINDS`. */
  eventsByKind: Record<string, number>;
}

/** What `simulateWorld` returns. */
export interface WorldOutput {
  readonly outcomes: Record<OutcomeId, number>;
  readonly yearly: Record<OutcomeId, Float64Array>;
  readonly monthly: Record<SeriesId, Float64Array>;
  readonly changes: WorldChange[];
  readonly events: number;
  readonly diagnostics: WorldDiagnostics;
}

/** Event kinds of the world, declared once. */
export const EVENT_KINDS = [
  'day', 'week', 'quarter', 'month-end', 'year-end', 'horizon-start', 'need-arrival', 'false-referral',
  'child-need', 'child-referral', 'case-step', 'inspection', 'intervention-check', 'scheduled-change', 'sweep',
] as const;

/** One event kind. */
export type EventKind = (typeof EVENT_KINDS)[number];

/** The kernel's integer code of an event kind (its index in EVENT_KINDS). */
function kindCode(kind: EventKind): number {
  return EVENT_KINDS.indexOf(kind);
}

const K_DAY = kindCode('day'), K_WEEK = kindCode('week'), K_QUARTER = kindCode('quarter'), K_MONTH_END = kindCode('month-end'),
  K_YEAR_END = kindCode('year-end'), K_HORIZON_START = kindCode('horizon-start'), K_ARRIVAL = kindCode('need-arrival'),
  K_FALSE_REFERRAL = kindCode('false-referral'), K_CHILD_NEED = kindCode('child-need'), K_CHILD_REFERRAL = kindCode('child-referral'),
  K_CASE_STEP = kindCode('case-step'), K_CHILD = K_CHILD_NEED, K_INSPECTION = kindCode('inspection'), K_INTERVENTION_CHECK = kindCode('intervention-check'),
  K_SCHEDULED_CHANGE = kindCode('scheduled-change'), K_SWEEP = kindCode('sweep');

// Layout constants are enums, which bundles inline as literals (see codes.ts).
/** Accumulator fields: `acc` holds one block of `F.count` fields per period (see `BLOCK`). */
enum F {
  referrals = 0, rereferrals = 1, assessDone = 2, assessWithin = 3, cppStarts = 4, cppSecond = 5, leavers = 6,
  permDays = 7, agencyDays = 8, postsDays = 9, vacancyDays = 10, caseDays = 11, holderDays = 12, spend = 13,
  harm = 14, delaySum = 15, delayCount = 16, helped = 17, days = 18, nfa = 19, earlyHelp = 20, assessStarted = 21,
  notInNeed = 22, s47 = 23, careStarts = 24, careEnds = 25, agedOut = 26,
  /** Fields per block. */
  count = 27,
}
/** Where each period's block starts in `acc`. */
enum BLOCK { month = 0, year = F.count, horizon = 2 * F.count }

/** Per-authority quarter fields (KPIs for boards): `Q.count` per authority. */
enum Q { referrals = 0, rereferrals = 1, assessDone = 2, assessWithin = 3, vacancyDays = 4, postsDays = 5, caseDays = 6, holderDays = 7, count = 8 }

const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
/**
 * Width of the child timers' buckets (`AgentTimers`), days: about 50 timers fall due a day, so a
 * sixteenth of a day holds three or four, which are sorted by insertion as they are read. Measured per
 * replicate against whole days: 18 M fewer instructions (1/8: 16 M, 1/32: 12 M).
 */
const TIMER_BUCKET_DAYS = 1 / 16;

class World implements EventHandler {
  readonly sim: Simulation;
  readonly cal: Calendar;
  readonly p: Parameters;
  readonly n: number;
  readonly children: ChildStore;
  readonly cs: ChildStream;
  readonly wf: Workforce;
  readonly population: Float64Array;
  readonly aggregate: Float64Array;
  readonly formerPlan: Float64Array;
  readonly arrivalRate: Float64Array;
  readonly falseRateMax: Float64Array;
  readonly counts: Int32Array;
  readonly structureOf: Int32Array;
  readonly mech: Mechanisms[];
  readonly profile: DisruptionProfile[];
  readonly changeDay: Float64Array;
  readonly info: Float64Array;
  readonly productivityFactor: Float64Array;
  readonly turnoverSpike: Float64Array;
  readonly recruitment: Float64Array;
  readonly quality: Float64Array;
  readonly leaderShift: Float64Array;
  readonly grade: Int32Array;
  readonly openCases: Float64Array;
  readonly quarter: Float64Array;
  readonly lastQuarter: Float64Array;
  readonly acc = new Float64Array(3 * F.count);
  /** [sigma, sigma^2 / 2] of the log of the assessment and looked-after durations (`lognormalShape`). */
  private readonly assessmentShape: Float64Array;
  private readonly careShape: Float64Array;
  /** Days from a protection plan's start to its first review, and between later reviews. */
  private readonly firstReviewDays: number;
  private readonly reviewDays: number;
  /** Need level (an integer) on leaving care. */
  private readonly needAfterCare: number;
  /** The normal deviate `normalOfBits` hands back (a returned number could be boxed). */
  private readonly z = new Float64Array(1);
  readonly arrivals: Stream[];
  readonly falseReferrals: Stream[];
  readonly workforceStream: Stream;
  readonly boardStream: Stream;
  readonly inspectionStream: Stream;
  readonly h0: number;
  readonly end: number;
  inHorizon = false;
  /** Each child's one pending event (need change, referral or case step), by slot. */
  readonly timers: AgentTimers;
  /**
   * Release candidates (agents with no need and no service) by the monthly sweep at which they first
   * become releasable: head slot of each sweep's list, -1 when empty. A sweep checks only its own
   * bucket, so a candidate is looked at about once instead of every month for a year.
   */
  readonly releaseHead: Int32Array;
  /** Day of each monthly sweep (the `sweep` process's occurrences up to the end). */
  readonly sweepDays: Float64Array;
  /** Sweeps done so far (the index of the next one). */
  sweepsDone = 0;
  month = -1;
  year = -1;
  readonly months: number;
  readonly monthly: Record<SeriesId, Float64Array>;
  readonly yearly: Record<OutcomeId, Float64Array>;
  readonly changes: WorldChange[] = [];
  readonly screen: ScreeningContext = { infoSharing: 0, quality: 0, localKnowledge: 1, shift: 0 };
  readonly view = { workload: 1, leaderShift: 0 } satisfies ScreeningView;
  readonly actx: AssessmentContext = { workload: 1, productivity: 1, quality: 0.6, infoSharing: 0, singleAssessment: 0 };
  readonly ares: AssessmentResult = { outcome: 0, s47: 0 };
  readonly kpi: Kpis = { workload: 1, timeliness: 0.83, rereferral: 0.2, vacancy: 0.16 };
  readonly scratch = new Float64Array(OUTCOME_IDS.length);
  readonly eventsByKind = new Float64Array(EVENT_KINDS.length);
  /**
   * Referral hazard per day by authority, level, service (early help or not) and recently known: 16 per
   * authority, then one cell that stays 0 (`noReferralCell`: a child with an open case).
   */
  readonly referralTable: Float64Array;
  private readonly noReferralCell: number;
  /** The information sharing and local knowledge each authority's `referralTable` rows were computed with (NaN: not yet). */
  private readonly referralTableInputs: Float64Array;
  /**
   * Need hazards per day by authority, level and service (24 per authority): escalation (`needUp`) and
   * escalation plus resolution (`needTotal`). Recomputed whenever an input changes (quality, productivity,
   * mechanisms), so a lookup equals a fresh computation.
   */
  readonly needUp: Float64Array;
  readonly needTotal: Float64Array;
  /** Mean assessment duration (working days) per authority, refreshed with the need tables. */
  readonly meanAssessment: Float64Array;
  /**
   * The front door's cut-offs (`screeningCutoffs`: no further action, early help) by authority and need
   * level, 2 per level; refreshed with the need tables, which every input of screening also triggers.
   */
  readonly screenCut: Float64Array;
  /** Chance that an assessment misses the need, by authority and level (0 below level 2); refreshed with the need tables. */
  readonly missByLevel: Float64Array;
  private readonly cutoffs: ScreeningCutoffs = { noFurtherAction: 0, earlyHelp: 0 };

  constructor(readonly input: WorldInput) {
    const p = input.params;
    this.p = p;
    const n = input.authorities.length;
    this.n = n;
    const warmStart = addYearsIso(input.startIso, -input.warmupYears);
    this.cal = new Calendar(warmStart);
    this.sim = new Simulation(this.cal, 4096);
    this.h0 = this.cal.dayOf(input.startIso);
    this.end = this.cal.addMonths(this.h0, 12 * input.horizonYears);
    this.months = 12 * input.horizonYears;
    // agents' slots peak at about an eighth of the children (9,293 of 78,645 in the calibrated default):
    // sized so, the per-agent arrays rarely grow (each growth copies them all)
    const slots = Math.max(4096, Math.ceil(input.authorities.reduce((t, au) => t + au.childPopulation, 0) / 8));
    this.timers = this.sim.timers(K_CHILD, TIMER_BUCKET_DAYS, 0, slots);
    const sweepDays: number[] = [];
    for (let k = 0; this.cal.addMonths(0, k) <= this.end; k++) sweepDays.push(this.cal.addMonths(0, k));
    this.sweepDays = Float64Array.from(sweepDays);
    this.releaseHead = new Int32Array(sweepDays.length).fill(-1);
    this.children = new ChildStore(slots);
    this.cs = new ChildStream(this.children);
    this.wf = new Workforce(n, 512);
    this.population = new Float64Array(n);
    this.aggregate = new Float64Array(n);
    this.formerPlan = new Float64Array(n);
    this.arrivalRate = new Float64Array(n);
    this.falseRateMax = new Float64Array(n);
    this.counts = new Int32Array(n * LEVEL_COUNT * SERVICE_COUNT);
    this.structureOf = new Int32Array(n);
    this.mech = [];
    this.profile = [];
    this.changeDay = new Float64Array(n).fill(-Infinity);
    this.info = new Float64Array(n);
    this.productivityFactor = new Float64Array(n).fill(1);
    this.turnoverSpike = new Float64Array(n);
    this.recruitment = new Float64Array(n).fill(1);
    this.quality = new Float64Array(n).fill(p.quality.initial);
    this.leaderShift = new Float64Array(n);
    this.grade = new Int32Array(n);
    this.openCases = new Float64Array(n);
    this.referralTable = new Float64Array(n * 16 + 1);
    this.noReferralCell = n * 16;
    this.referralTableInputs = new Float64Array(n * 2).fill(Number.NaN);
    this.needUp = new Float64Array(n * NEED_CELLS);
    this.needTotal = new Float64Array(n * NEED_CELLS);
    this.meanAssessment = new Float64Array(n);
    this.assessmentShape = lognormalShape(this.p.assessment.durationCv);
    this.careShape = lognormalShape(this.p.lookedAfter.durationCv);
    this.firstReviewDays = this.p.plans.protectionFirstReviewMonths * DAYS_PER_MONTH;
    this.reviewDays = this.p.plans.protectionReviewMonths * DAYS_PER_MONTH;
    this.needAfterCare = Math.round(this.p.lookedAfter.needAfterCare);
    this.screenCut = new Float64Array(n * LEVEL_COUNT * 2);
    this.missByLevel = new Float64Array(n * LEVEL_COUNT);
    this.quarter = new Float64Array(n * Q.count);
    this.lastQuarter = new Float64Array(n * Q.count);
    this.arrivals = [];
    this.falseReferrals = [];
    const { rootSeed, replicate } = input;
    this.workforceStream = modelStream(rootSeed, replicate, 'workforce');
    this.boardStream = modelStream(rootSeed, replicate, 'boards');
    this.inspectionStream = modelStream(rootSeed, replicate, 'inspection');
    this.monthly = {} as Record<SeriesId, Float64Array>;
    for (const id of SERIES_IDS) this.monthly[id] = new Float64Array(this.months);
    this.yearly = {} as Record<OutcomeId, Float64Array>;
    for (const id of OUTCOME_IDS) this.yearly[id] = new Float64Array(input.horizonYears);
    const initial = input.structures[input.initialStructure];
    for (let a = 0; a < n; a++) {
      const au = input.authorities[a];
      this.population[a] = au.childPopulation;
      this.aggregate[a] = au.childPopulation;
      this.formerPlan[a] = (au.childPopulation * p.initialState.formerPlanPer10k) / 1e4;
      this.arrivalRate[a] = (au.childPopulation * p.population.needArisingPerChildYear * Math.pow(1 + p.population.deprivationElasticity, 5 - au.deprivationDecile)) / DAYS_PER_YEAR;
      this.falseRateMax[a] = au.childPopulation * falseReferralPerChildDay(p, 0);
      this.arrivals.push(modelStream(rootSeed, replicate, 'need-arising', au.id));
      this.falseReferrals.push(modelStream(rootSeed, replicate, 'false-referrals', au.id));
      this.structureOf[a] = input.initialStructure;
      this.mech.push(initial.mechanisms);
      this.profile.push(NO_DISRUPTION);
      this.grade[a] = INSPECTION_GRADES.indexOf(au.initialInspectionGrade) + 1;
    }
    this.refreshPools();
    this.refreshEffects(0);
    this.refreshNeedTable();
    this.seedInitialState();
  }

  // ---------- set-up ----------

  private seedInitialState(): void {
    const p = this.p;
    const init = p.initialState;
    for (let a = 0; a < this.n; a++) {
      const s = modelStream(this.input.rootSeed, this.input.replicate, 'initial-state', this.input.authorities[a].id);
      const per = this.population[a] / 1e4;
      const make = (count: number, level: number, service: number): void => {
        const k = Math.round(count * per);
        for (let i = 0; i < k; i++) {
          const seed = s.nextInt32();
          const age = s.next() * 18 * DAYS_PER_YEAR;
          const c = this.newChild(a, seed);
          this.children.birthDay[c] = -age;
          this.children.lastReferralDay[c] = -s.next() * 180;
          this.setLevel(c, level);
          if (service === SERVICE.lookedAfter) this.startCare(c, false);
          else if (service === SERVICE.protectionPlan) {
            this.children.priorPlan[c] = 1;
            this.setService(c, SERVICE.protectionPlan);
            this.children.step[c] = CASE_STEP.protectionReview; // the first review falls within one interval
            this.children.caseAt[c] = s.next() * p.plans.protectionReviewMonths * DAYS_PER_MONTH;
          } else if (service === SERVICE.childInNeedPlan) {
            this.setService(c, SERVICE.childInNeedPlan);
            this.children.planStartDay[c] = -s.next() * p.plans.childInNeedReviewMonths * DAYS_PER_MONTH;
            this.scheduleChildInNeedReview(c);
          } else if (service === SERVICE.assessment) this.startAssessment(c, a);
          else if (service === SERVICE.earlyHelp) this.setService(c, SERVICE.earlyHelp);
          this.reschedule(c);
          this.arm(c);
        }
      };
      make(init.lookedAfterPer10k, 3, SERVICE.lookedAfter);
      make(init.protectionPlansPer10k, 3, SERVICE.protectionPlan);
      make(init.childInNeedPlansPer10k, 2, SERVICE.childInNeedPlan);
      make(init.assessmentsPer10k, 2, SERVICE.assessment);
      make(init.earlyHelpPer10k, 1, SERVICE.earlyHelp);
      make(init.unservedEarlyHelpLevelPer10k, 1, SERVICE.none);
      make(init.unservedInNeedPer10k, 2, SERVICE.none);
      make(init.unservedAtRiskPer10k, 3, SERVICE.none);
      // workforce: posts sized to the initial caseload
      const posts = Math.max(1, this.openCases[a] / p.workforce.caseloadTarget);
      this.wf.posts[a] = posts;
      const permanent = Math.round(posts * (1 - p.workforce.initialVacancyShare));
      for (let i = 0; i < permanent; i++) this.wf.hire(a, -s.next() * 10 * DAYS_PER_YEAR);
      this.wf.agency[a] = p.workforce.agencyCoverShare * Math.max(0, posts - permanent);
      this.sim.at(exponential(this.arrivals[a], this.arrivalRate[a]), K_ARRIVAL, a);
      if (this.falseRateMax[a] > 0) this.sim.at(exponential(this.falseReferrals[a], this.falseRateMax[a]), K_FALSE_REFERRAL, a);
      const monthsSince = this.input.authorities[a].monthsSinceInspection;
      const firstInspection = this.cal.addMonths(this.h0, p.inspection.intervalMonths - monthsSince);
      this.sim.at(Math.max(0, firstInspection), K_INSPECTION, a, 5);
      // an authority that starts inadequate is already on the intervention clock, counted from its last inspection
      if (this.grade[a] === 4 && this.input.interventionStructure >= 0) {
        this.sim.at(Math.max(0, this.cal.addMonths(this.h0, this.input.improveWithinMonths - monthsSince)), K_INTERVENTION_CHECK, a, 5);
      }
    }
    updatePools(this.wf, this.openCases, this.productivityFactor, 0, p);
    this.refreshNeedTable();
    this.sim.every('day', K_DAY, 0);
    this.sim.every('week', K_WEEK, 0, 0, 1);
    this.sim.every('quarter', K_QUARTER, 0, 0, 2);
    this.sim.every('month', K_SWEEP, 0, 0, 3);
    this.sim.at(this.h0, K_HORIZON_START, 0, -10);
    // the first month and year ends; each schedules the next (so the queue does not carry them all)
    if (this.months > 0) this.sim.at(this.cal.addMonths(this.h0, 1), K_MONTH_END, 0, -5);
    if (this.input.horizonYears > 0) this.sim.at(this.cal.addMonths(this.h0, 12), K_YEAR_END, 0, -4);
    this.input.changes.forEach((c, i) => this.sim.at(Math.max(0, this.cal.dayOf(c.dateIso)), K_SCHEDULED_CHANGE, i, -3));
  }

  // ---------- dispatch ----------

  /** Dispatches one event; its time is `sim.now`. */
  handle(kind: number, arg: number): void {
    // children's timers are three events in four: one comparison, not a walk down the switch
    if (kind === K_CHILD) {
      this.onChild(arg);
      return;
    }
    this.eventsByKind[kind]++;
    // handlers read the time from the simulation: a number passed to a call V8 does not inline is boxed,
    // and V8 may box it once before the switch, for every event
    switch (kind) { // the most frequent first
      case K_ARRIVAL: this.onArrival(arg); break;
      case K_FALSE_REFERRAL: this.onFalseReferral(arg); break;
      case K_DAY: this.onDay(); break;
      case K_WEEK: this.onWeek(); break;
      case K_QUARTER: this.onQuarter(); break;
      case K_MONTH_END: this.onMonthEnd(arg); break;
      case K_YEAR_END: this.onYearEnd(arg); break;
      case K_HORIZON_START: this.onHorizonStart(); break;
      case K_INSPECTION: this.onInspection(arg); break;
      case K_INTERVENTION_CHECK: this.onInterventionCheck(arg); break;
      case K_SWEEP: this.onSweep(); break;
      case K_SCHEDULED_CHANGE: this.onScheduledChange(arg); break;
      default: throw new Error(`world: unknown event kind ${kind}`);
    }
  }

  // ---------- accounting helpers ----------

  private add(field: number, v: number): void {
    if (!this.inHorizon) return;
    this.acc[BLOCK.month + field] += v;
    this.acc[BLOCK.year + field] += v;
    this.acc[BLOCK.horizon + field] += v;
  }

  /** Counts the child's wait from need to help, which ends now (`add` with the days would box them). */
  private addDelay(c: number): void {
    if (!this.inHorizon) return;
    const days = this.sim.now - this.children.needSinceDay[c];
    const acc = this.acc;
    acc[BLOCK.month + F.delaySum] += days;
    acc[BLOCK.year + F.delaySum] += days;
    acc[BLOCK.horizon + F.delaySum] += days;
    acc[BLOCK.month + F.delayCount]++;
    acc[BLOCK.year + F.delayCount]++;
    acc[BLOCK.horizon + F.delayCount]++;
  }

  private cell(a: number, level: number, service: number): number {
    return (a * LEVEL_COUNT + level) * SERVICE_COUNT + service;
  }

  /**
   * Makes an agent of a child of the aggregate population; the caller sets its birth day (a
   * floating-point argument to a call that V8 does not inline would allocate a number box per child).
   */
  private newChild(a: number, seed: number): number {
    const c = this.children.alloc(a, seed, 0);
    this.aggregate[a]--;
    this.counts[this.cell(a, 0, 0)]++;
    return c;
  }

  private setLevel(c: number, level: number): void {
    const ch = this.children;
    const a = ch.authority[c];
    const s = ch.service[c];
    this.counts[this.cell(a, ch.level[c], s)]--;
    this.counts[this.cell(a, level, s)]++;
    ch.level[c] = level;
    if (level >= 2) { if (ch.needSinceDay[c] < 0 && !isHelp(s)) ch.needSinceDay[c] = this.sim.now; }
    else ch.needSinceDay[c] = -1;
  }

  private setService(c: number, service: number): void {
    const ch = this.children;
    const a = ch.authority[c];
    const old = ch.service[c];
    if (old === service) return;
    this.counts[this.cell(a, ch.level[c], old)]--;
    this.counts[this.cell(a, ch.level[c], service)]++;
    if (old >= SERVICE.assessment) this.openCases[a]--;
    if (service >= SERVICE.assessment) this.openCases[a]++;
    if (isHelp(old)) { ch.helpedYear[c] = this.year; ch.helpedMonth[c] = this.month; }
    ch.service[c] = service;
    if (isHelp(service)) {
      if (ch.needSinceDay[c] >= 0) {
        this.addDelay(c);
        ch.needSinceDay[c] = -1;
      }
      this.markHelped(c);
    }
  }

  /** Children in help (early help, a plan or care) now, all authorities. */
  private helpedNow(): number {
    let k = 0;
    for (let base = 0; base < this.counts.length; base += SERVICE_COUNT) {
      k += this.counts[base + SERVICE.earlyHelp] + this.counts[base + SERVICE.childInNeedPlan] + this.counts[base + SERVICE.protectionPlan] + this.counts[base + SERVICE.lookedAfter];
    }
    return k;
  }

  private markHelped(c: number): void {
    const ch = this.children;
    if (!this.inHorizon) return;
    if (ch.helpedYear[c] !== this.year) { ch.helpedYear[c] = this.year; this.acc[BLOCK.year + F.helped]++; this.acc[BLOCK.horizon + F.helped]++; }
    if (ch.helpedMonth[c] !== this.month) { ch.helpedMonth[c] = this.month; this.acc[BLOCK.month + F.helped]++; }
  }

  /**
   * Counts children in help at the start of a period (they are helped in it too) in the blocks of
   * the month block and/or the year and horizon blocks. Their stamps are not touched: a child counted this way
   * is stamped when it leaves help (`setService`), so it is never counted twice in one period.
   */
  private countHelpedAtStart(month: boolean, year: boolean): void {
    if (!this.inHorizon) return;
    const k = this.helpedNow();
    if (month) this.acc[BLOCK.month + F.helped] += k;
    if (year) { this.acc[BLOCK.year + F.helped] += k; this.acc[BLOCK.horizon + F.helped] += k; }
  }

  // ---------- children: events ----------

  /**
   * Keeps the child's one timer at the earliest of its need, referral and case-step times. Called once at
   * the end of every handler that touched the child (not after each change), so a change moves the timer
   * at most once.
   */
  private arm(c: number): void {
    this.putNextTime(c);
    this.timers.moveFromArg(c);
  }

  /** `arm` once the child's own timer has fired: it has no pending time, so none to compare or clear. */
  private armFired(c: number): void {
    this.putNextTime(c);
    if (this.timers.timeArg[0] !== Infinity) this.timers.setFromArg(c);
  }

  /**
   * Writes the earliest of the child's need, referral and case-step times (Infinity when none is
   * pending) to the timers' `timeArg`. Written, not returned: V8 boxes a floating-point result of a
   * call it does not inline, and every call on the children's path only passes small integers.
   */
  private putNextTime(c: number): void {
    const ch = this.children;
    let t = ch.needAt[c];
    const r = ch.referralAt[c];
    if (r < t) t = r;
    const k = ch.caseAt[c];
    if (k < t) t = k;
    this.timers.timeArg[0] = t;
  }

  /**
   * The child's one queue event fired: runs whichever of its case step, need change or referral is due
   * (in that order if two fall at the same instant), then re-arms the child.
   */
  private onChild(c: number): void {
    const ch = this.children;
    const now = this.sim.now;
    if (ch.caseAt[c] === now) {
      this.eventsByKind[K_CASE_STEP]++;
      ch.caseAt[c] = Infinity;
      this.onCaseStep(c);
    } else if (ch.needAt[c] === now) {
      this.eventsByKind[K_CHILD_NEED]++;
      ch.needAt[c] = Infinity;
      this.onChildNeed(c);
    } else {
      this.eventsByKind[K_CHILD_REFERRAL]++;
      ch.referralAt[c] = Infinity;
      if (!this.agedOut(c)) this.onReferral(c);
    }
    if (ch.active[c] === 1) this.armFired(c);
  }

  /**
   * Brings the child's need and referral times up to date after its state changed (or a hazard table
   * did). A fresh time is drawn only when none is pending (the event fired, or its hazard was 0). A
   * pending time whose hazard is unchanged is kept; one whose hazard changed from r0 to r1 is rescaled,
   * not redrawn: now + (time - now) * r0 / r1 (Infinity when r1 is 0). The time left of an exponential
   * is again exponential at r0 whatever has happened (memoryless), and scaling it makes it exponential at
   * r1, so this is as exact as a new draw and uses no random number: the next reaction method of Gibson
   * and Bruck (2000). It also keeps a child's draws in step across arms whose hazards differ.
   */
  private reschedule(c: number): void {
    const ch = this.children;
    const a = ch.authority[c];
    const now = this.sim.now;
    const level = ch.level[c];
    const service = ch.service[c];
    const needRate = service === SERVICE.lookedAfter ? 0 : this.needTotal[a * NEED_CELLS + level * SERVICE_COUNT + service];
    const needAt = ch.needAt[c];
    if (needAt === Infinity) {
      ch.needRate[c] = needRate;
      if (needRate > 0) ch.needAt[c] = now + exponentialOfBits(this.cs.select(c, CHILD_CHANNELS.need).bits(), needRate);
    } else if (needRate !== ch.needRate[c]) {
      ch.needAt[c] = needRate > 0 ? now + (needAt - now) * (ch.needRate[c] / needRate) : Infinity;
      ch.needRate[c] = needRate;
    }
    const known = now - ch.lastClosedDay[c] <= YEAR_DAYS || now - ch.lastReferralDay[c] <= YEAR_DAYS;
    const rate = this.referralTable[this.referralCell(a, level, service, known)];
    const referralAt = ch.referralAt[c];
    if (referralAt === Infinity) {
      ch.referralRate[c] = rate;
      if (rate > 0) ch.referralAt[c] = now + exponentialOfBits(this.cs.select(c, CHILD_CHANNELS.referral).bits(), rate);
    } else if (rate !== ch.referralRate[c]) {
      ch.referralAt[c] = rate > 0 ? now + (referralAt - now) * (ch.referralRate[c] / rate) : Infinity;
      ch.referralRate[c] = rate;
    }
    // an agent with no need and no service is freed 12 months after its last contact with social care
    // (the monthly sweep frees it; no event per release keeps the queue small). Its repeat-concern
    // referral counts only within those 12 months: a later one is dropped, so a freed agent leaves no
    // event to cancel.
    if (level === 0 && service === SERVICE.none) {
      if (ch.referralAt[c] >= Math.max(ch.lastReferralDay[c], ch.lastClosedDay[c]) + YEAR_DAYS) ch.referralAt[c] = Infinity;
      if (ch.step[c] !== CASE_STEP.release) {
        ch.caseAt[c] = Infinity;
        ch.step[c] = CASE_STEP.release;
        this.listRelease(c);
      }
    } else if (ch.step[c] === CASE_STEP.release) ch.step[c] = CASE_STEP.none;
  }

  /** Schedules the child's next protection review: the first of a plan, or a later one. */
  private scheduleProtectionReview(c: number, first: boolean): void {
    const ch = this.children;
    ch.step[c] = CASE_STEP.protectionReview;
    ch.caseAt[c] = this.sim.now + (first ? this.firstReviewDays : this.reviewDays);
  }

  private agedOut(c: number): boolean {
    const ch = this.children;
    if (this.sim.now - ch.birthDay[c] < AGE_OUT_DAYS) return false;
    if (ch.service[c] === SERVICE.lookedAfter) this.add(F.careEnds, 1);
    this.add(F.agedOut, 1);
    this.exitChild(c, false);
    return true;
  }

  /** Removes an agent: cancels its events and returns it to the aggregate population. */
  private exitChild(c: number, release: boolean): void {
    const ch = this.children;
    const a = ch.authority[c];
    this.timers.clear(c);
    if (ch.service[c] >= SERVICE.assessment) this.openCases[a]--;
    this.counts[this.cell(a, ch.level[c], ch.service[c])]--;
    if (release && ch.priorPlan[c] === 1) this.formerPlan[a]++;
    this.aggregate[a]++;
    ch.free(c);
  }

  /**
   * The monthly sweep: frees agents with no need and no service whose last contact with social care
   * (referral or closure) was 12 months ago or more: they return to the aggregate population. Checks only
   * this sweep's bucket; a candidate whose contact was renewed since it was listed moves to a later one.
   */
  private onSweep(): void {
    const now = this.sim.now;
    const ch = this.children;
    const k = this.sweepsDone++;
    if (k >= this.releaseHead.length) return;
    let c = this.releaseHead[k];
    this.releaseHead[k] = -1;
    while (c >= 0) {
      const next = ch.releaseNext[c];
      ch.releaseBucket[c] = -1;
      if (ch.active[c] === 1 && ch.step[c] === CASE_STEP.release) {
        if (now - ch.lastReferralDay[c] >= YEAR_DAYS && now - ch.lastClosedDay[c] >= YEAR_DAYS) this.exitChild(c, true);
        else this.listRelease(c);
      }
      c = next;
    }
  }

  /**
   * Files a slot under the first sweep not yet done at which its child is releasable (moving it if it is
   * filed elsewhere; not filed when that is after the last sweep). A candidate's due sweep only moves later
   * (its contact days only grow), so a later check finds it not yet due and files it again.
   */
  private listRelease(c: number): void {
    const ch = this.children;
    const days = this.sweepDays;
    const lastReferral = ch.lastReferralDay[c], lastClosed = ch.lastClosedDay[c];
    // the first sweep k >= sweepsDone with days[k] - last >= a year for both (monotone in k): start from
    // the month a year after the later contact (sweeps are monthly) and step to it, usually 0 or 1 steps
    const lo = this.sweepsDone, hi = days.length;
    let k = Math.ceil((Math.max(lastReferral, lastClosed) + YEAR_DAYS - days[0]) / DAYS_PER_MONTH);
    if (!(k > lo)) k = lo; // also when the guess is -Infinity (no contact yet)
    else if (k > hi) k = hi;
    while (k > lo && days[k - 1] - lastReferral >= YEAR_DAYS && days[k - 1] - lastClosed >= YEAR_DAYS) k--;
    while (k < hi && !(days[k] - lastReferral >= YEAR_DAYS && days[k] - lastClosed >= YEAR_DAYS)) k++;
    const b = k < hi ? k : -1;
    const old = ch.releaseBucket[c];
    if (old === b) return;
    if (old >= 0) {
      const prev = ch.releasePrev[c], next = ch.releaseNext[c];
      if (prev >= 0) ch.releaseNext[prev] = next; else this.releaseHead[old] = next;
      if (next >= 0) ch.releasePrev[next] = prev;
    }
    ch.releaseBucket[c] = b;
    if (b < 0) return;
    const head = this.releaseHead[b];
    ch.releasePrev[c] = -1;
    ch.releaseNext[c] = head;
    if (head >= 0) ch.releasePrev[head] = c;
    this.releaseHead[b] = c;
  }

  private onArrival(a: number): void {
    const now = this.sim.now;
    const s = this.arrivals[a];
    // draws as int32s and the next arrival through `timeArg`: no number crosses a call (see `putNextTime`)
    const seed = s.nextInt32();
    const uLevel = unitOf(s.nextInt32());
    const uPrior = unitOf(s.nextInt32());
    const age = unitOf(s.nextInt32()) * AGE_OUT_DAYS;
    this.sim.timeArg[0] = now + exponentialOfBits(s.nextInt32(), this.arrivalRate[a]);
    this.sim.atFromArg(K_ARRIVAL, a);
    if (this.aggregate[a] < 1) return;
    const pop = this.p.population;
    const level = uLevel < pop.initialShareAtRisk ? 3 : uLevel < pop.initialShareAtRisk + pop.initialShareInNeed ? 2 : 1;
    if (level === 1 && this.resolvesUnseen(a, seed)) return;
    const f = this.formerPlan[a] / this.aggregate[a];
    const rr = pop.priorPlanRelativeRisk;
    const c = this.newChild(a, seed);
    this.children.birthDay[c] = now - age;
    if (uPrior < (rr * f) / (1 + (rr - 1) * f)) { this.children.priorPlan[c] = 1; this.formerPlan[a] = Math.max(0, this.formerPlan[a] - 1); }
    this.setLevel(c, level);
    this.reschedule(c);
    this.arm(c);
  }

  /**
   * True when a new early-help level need would pass before anything else happens to the child: its
   * first need event is a de-escalation to none and comes before its first referral. Such a child never
   * touches services or outputs, so no agent is made. Uses the very numbers the agent would draw from
   * its own stream (need channel draws 0 and 1, referral channel draw 0), so skipping it changes nothing.
   */
  private resolvesUnseen(a: number, seed: number): boolean {
    const cell = a * NEED_CELLS + SERVICE_COUNT + SERVICE.none;
    const up = this.needUp[cell];
    const total = this.needTotal[cell];
    const refRate = this.referralTable[this.referralCell(a, 1, SERVICE.none, false)];
    const needTime = -Math.log1p(-unitOf(childBits(seed, CHILD_CHANNELS.need, 0))) / total;
    if (unitOf(childBits(seed, CHILD_CHANNELS.need, 1)) * total < up) return false;
    if (refRate <= 0) return true;
    const refTime = -Math.log1p(-unitOf(childBits(seed, CHILD_CHANNELS.referral, 0))) / refRate;
    return needTime < refTime;
  }

  private onFalseReferral(a: number): void {
    const now = this.sim.now;
    const s = this.falseReferrals[a];
    const uAccept = unitOf(s.nextInt32());
    const seed = s.nextInt32();
    const age = unitOf(s.nextInt32()) * AGE_OUT_DAYS;
    this.sim.timeArg[0] = now + exponentialOfBits(s.nextInt32(), this.falseRateMax[a]);
    this.sim.atFromArg(K_FALSE_REFERRAL, a);
    const accept = 1 - this.p.agencies.infoSharingFalseReferralReduction * this.info[a];
    if (uAccept >= accept || this.aggregate[a] < 1) return;
    const c = this.newChild(a, seed);
    this.children.birthDay[c] = now - age;
    this.onReferral(c);
    this.arm(c);
  }

  private onChildNeed(c: number): void {
    if (this.agedOut(c)) return;
    const ch = this.children;
    const a = ch.authority[c];
    const level = ch.level[c];
    const service = ch.service[c];
    const cell = a * NEED_CELLS + level * SERVICE_COUNT + service;
    const up = this.needUp[cell];
    const total = this.needTotal[cell];
    const u = unitOf(this.cs.select(c, CHILD_CHANNELS.need).bits());
    if (total <= 0) return;
    const next = u * total < up ? level + 1 : level - 1;
    this.setLevel(c, next);
    if (next === 0 && service === SERVICE.earlyHelp) this.setService(c, SERVICE.none);
    if (service === SERVICE.childInNeedPlan) this.scheduleChildInNeedReview(c);
    this.reschedule(c);
  }

  private onReferral(c: number): void {
    const ch = this.children;
    const now = this.sim.now;
    const a = ch.authority[c];
    this.add(F.referrals, 1);
    this.quarter[a * Q.count + Q.referrals]++;
    if (now - ch.lastReferralDay[c] <= YEAR_DAYS) { this.add(F.rereferrals, 1); this.quarter[a * Q.count + Q.rereferrals]++; }
    ch.lastReferralDay[c] = now;
    const k = (a * LEVEL_COUNT + ch.level[c]) * 2;
    const decision = screeningDecision(this.screenCut[k], this.screenCut[k + 1], unitOf(this.cs.select(c, CHILD_CHANNELS.case).bits()));
    if (decision === SCREENING.assessment) { this.startAssessment(c, a); return; }
    if (decision === SCREENING.noFurtherAction) this.add(F.nfa, 1);
    else {
      this.add(F.earlyHelp, 1);
      if (ch.level[c] >= 1) this.setService(c, SERVICE.earlyHelp);
    }
    this.reschedule(c);
  }

  private screeningShift(a: number): number {
    const m = this.mech[a];
    const workload = this.wf.workload[a];
    const hook = m.hooks?.screeningShift;
    if (hook) {
      this.view.workload = workload;
      this.view.leaderShift = this.leaderShift[a];
      return hook(this.view, this.p);
    }
    return this.leaderShift[a] + m.thresholdAdaptation * this.p.frontDoor.workloadRationing * Math.max(0, workload - 1);
  }

  private assessmentContext(a: number): AssessmentContext {
    const x = this.actx;
    x.workload = this.wf.workload[a];
    x.productivity = this.wf.productivity[a];
    x.quality = this.quality[a];
    x.infoSharing = this.info[a];
    x.singleAssessment = this.mech[a].singleAssessment;
    return x;
  }

  private startAssessment(c: number, a: number): void {
    const ch = this.children;
    this.add(F.assessStarted, 1);
    this.setService(c, SERVICE.assessment);
    const mean = this.meanAssessment[a];
    // the lognormal duration, as lognormalFromUniform(unitOf(bits), mean, cv) computes it
    normalOfBits(this.cs.select(c, CHILD_CHANNELS.case).bits(), this.z);
    const wd = mean * Math.exp(this.assessmentShape[0] * this.z[0] - this.assessmentShape[1]);
    ch.withinStandard[c] = wd <= this.p.assessment.standardWorkingDays ? 1 : 0;
    ch.step[c] = CASE_STEP.assessmentEnd;
    ch.caseAt[c] = this.sim.now + (wd * 7) / 5;
    this.reschedule(c);
  }

  private onCaseStep(c: number): void {
    const ch = this.children;
    const step = ch.step[c];
    ch.step[c] = CASE_STEP.none;
    if (this.agedOut(c)) return;
    const a = ch.authority[c];
    const level = ch.level[c];
    const r = this.ares;
    const s = this.cs.select(c, CHILD_CHANNELS.case);
    switch (step) {
      // the pathway functions draw from the stream themselves: a uniform passed to a call V8 does not inline is boxed
      case CASE_STEP.assessmentEnd: {
        this.add(F.assessDone, 1);
        this.add(F.assessWithin, ch.withinStandard[c]);
        this.quarter[a * Q.count + Q.assessDone]++;
        this.quarter[a * Q.count + Q.assessWithin] += ch.withinStandard[c];
        const missed = unitOf(s.bits()) < this.missByLevel[a * LEVEL_COUNT + level];
        assessmentOutcomeGivenMiss(level, level > 1 && missed, this.p, s, r);
        if (r.outcome === OUTCOME.close || r.outcome === OUTCOME.stepDownEarlyHelp) this.add(F.notInNeed, 1);
        break;
      }
      case CASE_STEP.childInNeedReview: {
        childInNeedReview(level, this.p, s, r);
        break;
      }
      case CASE_STEP.protectionReview: {
        ch.reviews[c]++;
        protectionReview(level, this.p, s, r);
        break;
      }
      case CASE_STEP.careEnd: {
        this.add(F.careEnds, 1);
        this.setLevel(c, this.needAfterCare);
        r.s47 = 0;
        r.outcome = careEndOutcome(ch.level[c], this.p, s);
        break;
      }
      default: return;
    }
    if (r.s47 === 1) this.add(F.s47, 1);
    this.applyOutcome(c, r.outcome, step);
  }

  private applyOutcome(c: number, outcome: number, step: number): void {
    const ch = this.children;
    const p = this.p;
    const now = this.sim.now;
    switch (outcome) {
      case OUTCOME.close:
      case OUTCOME.stepDownEarlyHelp:
        if (ch.service[c] >= SERVICE.assessment) ch.lastClosedDay[c] = now;
        this.setService(c, outcome === OUTCOME.stepDownEarlyHelp && ch.level[c] >= 1 ? SERVICE.earlyHelp : SERVICE.none);
        break;
      case OUTCOME.childInNeedPlan:
        this.setService(c, SERVICE.childInNeedPlan);
        ch.planStartDay[c] = now;
        ch.caseAt[c] = Infinity;
        ch.step[c] = CASE_STEP.none;
        this.scheduleChildInNeedReview(c);
        break;
      case OUTCOME.protectionPlan:
        this.add(F.cppStarts, 1);
        if (ch.priorPlan[c] === 1) this.add(F.cppSecond, 1);
        ch.priorPlan[c] = 1;
        ch.reviews[c] = 0;
        this.setService(c, SERVICE.protectionPlan);
        this.scheduleProtectionReview(c, true);
        break;
      case OUTCOME.lookedAfter:
        this.startCare(c, true);
        break;
      case OUTCOME.continue:
        if (step === CASE_STEP.protectionReview) this.scheduleProtectionReview(c, false);
        else this.scheduleChildInNeedReview(c);
        return;
      default: throw new Error(`world: unknown outcome ${outcome}`);
    }
    this.reschedule(c);
  }

  /**
   * Schedules the next child in need plan review, at the next whole review interval from the plan's
   * start, only if the review could change something (need not at the "in need" level): a review of a
   * child still in need continues the plan, so it needs no event. A level change re-calls this.
   */
  private scheduleChildInNeedReview(c: number): void {
    const ch = this.children;
    if (ch.service[c] !== SERVICE.childInNeedPlan || ch.level[c] === 2 || ch.caseAt[c] !== Infinity) return;
    const interval = this.p.plans.childInNeedReviewMonths * DAYS_PER_MONTH;
    const now = this.sim.now;
    const due = ch.planStartDay[c] + (Math.floor((now - ch.planStartDay[c]) / interval) + 1) * interval;
    ch.step[c] = CASE_STEP.childInNeedReview;
    ch.caseAt[c] = due;
  }

  private startCare(c: number, count: boolean): void {
    const ch = this.children;
    if (count) this.add(F.careStarts, 1);
    this.setService(c, SERVICE.lookedAfter);
    normalOfBits(this.cs.select(c, CHILD_CHANNELS.case).bits(), this.z);
    const duration = this.p.lookedAfter.meanDurationDays * Math.exp(this.careShape[0] * this.z[0] - this.careShape[1]);
    const until18 = ch.birthDay[c] + AGE_OUT_DAYS - this.sim.now;
    ch.step[c] = CASE_STEP.careEnd;
    ch.caseAt[c] = this.sim.now + Math.max(0, Math.min(duration, until18));
    this.reschedule(c);
  }

  // ---------- periodic processes ----------

  private onDay(): void {
    const p = this.p;
    const lac = p.lookedAfter;
    const placementPerDay = (lac.residentialShare * lac.residentialGbpPerWeek + lac.independentFosteringShare * lac.independentFosteringGbpPerWeek
      + (1 - lac.residentialShare - lac.independentFosteringShare) * lac.otherPlacementGbpPerWeek) / 7;
    const h = p.harm;
    const money = p.money;
    const wf = this.wf;
    for (let a = 0; a < this.n; a++) {
      const m = this.mech[a];
      let eh = 0, cin = 0, cpp = 0, la = 0, harm = 0;
      for (let level = 0; level < LEVEL_COUNT; level++) {
        const base = this.cell(a, level, 0);
        eh += this.counts[base + SERVICE.earlyHelp];
        cin += this.counts[base + SERVICE.childInNeedPlan];
        cpp += this.counts[base + SERVICE.protectionPlan];
        la += this.counts[base + SERVICE.lookedAfter];
        if (level === 3) {
          harm += (this.counts[base] + this.counts[base + SERVICE.earlyHelp] + this.counts[base + SERVICE.assessment]) * h.atRiskUnprotectedPerYear
            + (this.counts[base + SERVICE.childInNeedPlan] + this.counts[base + SERVICE.protectionPlan]) * h.atRiskProtectedPerYear;
        } else if (level === 2) {
          harm += (this.counts[base] + this.counts[base + SERVICE.earlyHelp] + this.counts[base + SERVICE.assessment]
            + this.counts[base + SERVICE.childInNeedPlan] + this.counts[base + SERVICE.protectionPlan]) * h.inNeedPerYear;
        }
      }
      harm += la * h.lookedAfterPerYear;
      const perm = wf.permanent[a];
      const agency = wf.agency[a];
      const spend = (perm * p.workforce.salaryGbpPerYear + agency * p.workforce.agencyGbpPerYear
        + this.population[a] * money.otherGbpPerChildPerYear * m.otherSpendMultiplier + m.overheadGbpPerYear) / DAYS_PER_YEAR
        + (eh * money.earlyHelpGbpPerWeek + cin * money.childInNeedGbpPerWeek + cpp * money.protectionGbpPerWeek) / 7
        + la * placementPerDay * m.placementCostMultiplier;
      const vacancies = Math.max(0, wf.posts[a] - perm);
      this.add(F.spend, spend);
      this.add(F.harm, harm / DAYS_PER_YEAR);
      this.add(F.permDays, perm);
      this.add(F.agencyDays, agency);
      this.add(F.postsDays, wf.posts[a]);
      this.add(F.vacancyDays, vacancies);
      this.add(F.caseDays, this.openCases[a]);
      this.add(F.holderDays, perm + agency);
      const qb = a * Q.count;
      this.quarter[qb + Q.vacancyDays] += vacancies;
      this.quarter[qb + Q.postsDays] += wf.posts[a];
      this.quarter[qb + Q.caseDays] += this.openCases[a];
      this.quarter[qb + Q.holderDays] += perm + agency;
    }
    this.add(F.days, 1);
  }

  private refreshEffects(now: number): void {
    for (let a = 0; a < this.n; a++) {
      const m = this.mech[a];
      const pr = this.profile[a];
      const w = disruptionWeight(pr, now - this.changeDay[a]);
      this.info[a] = m.infoSharing * (1 - pr.infoLoss * w);
      this.productivityFactor[a] = 1 - pr.productivityDip * w;
      this.turnoverSpike[a] = pr.turnoverSpike * w;
      this.recruitment[a] = m.recruitmentMultiplier;
      // the rows depend only on these two inputs (parameters are fixed during a run): most weeks they are unchanged
      const info = this.info[a];
      if (info === this.referralTableInputs[2 * a] && m.localKnowledge === this.referralTableInputs[2 * a + 1]) continue;
      this.referralTableInputs[2 * a] = info;
      this.referralTableInputs[2 * a + 1] = m.localKnowledge;
      for (let level = 0; level < LEVEL_COUNT; level++) {
        for (let eh = 0; eh < 2; eh++) {
          for (let known = 0; known < 2; known++) {
            this.referralTable[a * 16 + level * 4 + eh * 2 + known] = referralPerDay(level, eh === 1 ? SERVICE.earlyHelp : SERVICE.none, known === 1, this.p, info, m.localKnowledge);
          }
        }
      }
    }
  }

  /**
   * Recomputes `needUp`, `needTotal`, `meanAssessment`, `screenCut` and `missByLevel` from the current
   * quality, workload, productivity, information sharing, leaders' threshold shift and mechanisms (called
   * whenever one of them changes, so a lookup equals a fresh computation).
   */
  private refreshNeedTable(): void {
    const p = this.p;
    for (let a = 0; a < this.n; a++) {
      const actx = this.assessmentContext(a);
      this.meanAssessment[a] = meanAssessmentWorkingDays(actx, p);
      for (let level = 0; level < LEVEL_COUNT; level++) this.missByLevel[a * LEVEL_COUNT + level] = level <= 1 ? 0 : missChance(level, actx, p);
      const ctx = this.screen;
      ctx.infoSharing = this.info[a];
      ctx.quality = this.quality[a];
      ctx.localKnowledge = this.mech[a].localKnowledge;
      ctx.shift = this.screeningShift(a);
      for (let level = 0; level < LEVEL_COUNT; level++) {
        screeningCutoffs(level, ctx, p, this.cutoffs);
        this.screenCut[(a * LEVEL_COUNT + level) * 2] = this.cutoffs.noFurtherAction;
        this.screenCut[(a * LEVEL_COUNT + level) * 2 + 1] = this.cutoffs.earlyHelp;
      }
      const q = this.quality[a];
      const prod = this.wf.productivity[a];
      const gain = this.mech[a].pooledBudget * this.mech[a].pooledBudgetEarlyHelpGain;
      for (let level = 0; level < LEVEL_COUNT; level++) {
        for (let service = 0; service < SERVICE_COUNT; service++) {
          const i = a * NEED_CELLS + level * SERVICE_COUNT + service;
          const up = escalationPerDay(level, service, p, q);
          this.needUp[i] = up;
          this.needTotal[i] = up + resolutionPerDay(level, service, p, q, prod, gain);
        }
      }
    }
  }

  /**
   * Where a child's referral hazard per day is in `referralTable` (`noReferralCell`, whose hazard is 0, with an
   * open case). An index, not the hazard: a number returned by a call V8 does not inline is boxed.
   */
  private referralCell(a: number, level: number, service: number, known: boolean): number {
    if (service >= SERVICE.assessment) return this.noReferralCell;
    return a * 16 + level * 4 + (service === SERVICE.earlyHelp ? 2 : 0) + (known ? 1 : 0);
  }

  private refreshPools(): void {
    let first = -1;
    for (let a = 0; a < this.n; a++) {
      if (this.mech[a].pooledWorkforce) {
        if (first < 0) first = a;
        this.wf.pool[a] = first;
      } else this.wf.pool[a] = a;
    }
  }

  private onWeek(): void {
    const now = this.sim.now;
    this.refreshEffects(now);
    updateWorkload(this.wf, this.openCases, this.p);
    workforceWeek(this.wf, now, this.turnoverSpike, this.recruitment, this.p, this.workforceStream);
    for (let a = 0; a < this.n; a++) { this.add(F.leavers, this.wf.leavers[a]); this.wf.leavers[a] = 0; }
    updatePools(this.wf, this.openCases, this.productivityFactor, now, this.p);
    this.refreshNeedTable();
  }

  private onQuarter(): void {
    const now = this.sim.now;
    const p = this.p;
    const b = p.boards;
    for (let a = 0; a < this.n; a++) {
      const qb = a * Q.count;
      const last = this.lastQuarter;
      if (last[qb + Q.holderDays] > 0) {
        const k = this.kpi;
        k.workload = last[qb + Q.caseDays] / last[qb + Q.holderDays] / p.workforce.caseloadTarget;
        k.timeliness = last[qb + Q.assessDone] > 0 ? last[qb + Q.assessWithin] / last[qb + Q.assessDone] : 1;
        k.rereferral = last[qb + Q.referrals] > 0 ? last[qb + Q.rereferrals] / last[qb + Q.referrals] : 0;
        k.vacancy = last[qb + Q.postsDays] > 0 ? last[qb + Q.vacancyDays] / last[qb + Q.postsDays] : 0;
        const m = this.mech[a];
        const attention = m.leaderAttention * (this.grade[a] === 4 ? 1 + p.inspection.inadequateAttentionBoost : 1);
        const actions = boardQuarter(k, spotChance(attention, m.accountabilityClarity, m.walkTheServices, p), p, this.boardStream);
        if (actions & ACTION.addPosts) this.wf.posts[a] *= 1 + b.postsIncrease;
        if (actions & ACTION.tightenThreshold) this.leaderShift[a] = Math.min(b.thresholdLimit, this.leaderShift[a] + b.thresholdStep);
        if (actions & ACTION.loosenThreshold) this.leaderShift[a] = Math.max(-b.thresholdLimit, this.leaderShift[a] - b.thresholdStep);
        if (actions & ACTION.recruitmentDrive) { this.wf.driveUntil[a] = now + DAYS_PER_YEAR; this.add(F.spend, b.recruitmentDriveCostGbp); }
        if (actions & ACTION.improvement) { this.quality[a] = Math.min(1, this.quality[a] + b.improvementQualityGain); this.add(F.spend, b.improvementCostGbp); }
      }
      // quality drifts back towards its long-run level
      const q = p.quality;
      this.quality[a] += (q.longRun - this.quality[a]) * (1 - Math.exp(-q.driftPerYear / 4));
      // funded posts follow demand with a lag (the budget round)
      const target = this.openCases[a] / p.workforce.caseloadTarget;
      this.wf.posts[a] = Math.max(1, this.wf.posts[a] + (target - this.wf.posts[a]) * (1 - Math.exp(-p.workforce.establishmentAdjustmentPerYear / 4)));
      for (let f = 0; f < Q.count; f++) { last[qb + f] = this.quarter[qb + f]; this.quarter[qb + f] = 0; }
      // former-plan children in the population reach 18
      this.formerPlan[a] *= Math.exp(-p.population.ageingOutPerYear / 4);
    }
    this.refreshNeedTable();
  }

  private timelinessOf(a: number): number {
    const last = this.lastQuarter;
    const qb = a * Q.count;
    return last[qb + Q.assessDone] > 0 ? last[qb + Q.assessWithin] / last[qb + Q.assessDone] : 0.83;
  }

  private inspectionGrade(a: number): number {
    const score = performanceScore(this.quality[a], this.timelinessOf(a), this.wf.workload[a], this.p)
      + this.p.inspection.noiseSd * inverseNormal(this.inspectionStream.next());
    return gradeOf(score, this.p);
  }

  private onInspection(a: number): void {
    const now = this.sim.now;
    this.grade[a] = this.inspectionGrade(a);
    this.sim.at(this.cal.addMonths(now, this.p.inspection.intervalMonths), K_INSPECTION, a, 5);
    if (this.grade[a] === 4 && this.input.interventionStructure >= 0) {
      this.sim.at(this.cal.addMonths(now, this.input.improveWithinMonths), K_INTERVENTION_CHECK, a, 5);
    }
  }

  private onInterventionCheck(a: number): void {
    const now = this.sim.now;
    const grade = this.inspectionGrade(a);
    if (grade === 4 && this.structureOf[a] !== this.input.interventionStructure) {
      this.changeStructure(a, this.input.interventionStructure, now, 'intervention');
    }
  }

  /** A dated structural change of the scenario (`input.changes[i]`): every authority moves to its structure. */
  private onScheduledChange(i: number): void {
    const c = this.input.changes[i];
    for (let a = 0; a < this.n; a++) this.changeStructure(a, c.structure, this.sim.now, 'scheduled');
  }

  private changeStructure(a: number, structure: number, now: number, cause: 'scheduled' | 'intervention'): void {
    if (this.structureOf[a] === structure) return;
    const spec = this.input.structures[structure];
    this.structureOf[a] = structure;
    this.mech[a] = spec.mechanisms;
    this.profile[a] = spec.disruption;
    this.changeDay[a] = now;
    this.quality[a] = Math.min(1, this.quality[a] + spec.mechanisms.leadershipQualityGain);
    this.add(F.spend, spec.disruption.oneOffCostGbp);
    this.refreshPools();
    this.refreshEffects(now);
    this.refreshNeedTable();
    this.changes.push({ day: now - this.h0, date: this.cal.dateOf(now), authority: a, structure, cause });
  }

  // ---------- metrics ----------

  private onHorizonStart(): void {
    this.inHorizon = true;
    this.acc.fill(0);
    this.month = 0;
    this.year = 0;
    this.countHelpedAtStart(true, true);
  }

  private stocks(): { open: number; cpp: number; lac: number; unmet: number; grade: number; gradeShare: Float64Array } {
    let open = 0, cpp = 0, lac = 0, unmet = 0, grade = 0;
    const gradeShare = new Float64Array(INSPECTION_GRADES.length);
    for (let a = 0; a < this.n; a++) {
      open += this.openCases[a];
      for (let level = 0; level < LEVEL_COUNT; level++) {
        cpp += this.counts[this.cell(a, level, SERVICE.protectionPlan)];
        lac += this.counts[this.cell(a, level, SERVICE.lookedAfter)];
        if (level >= 2) unmet += this.counts[this.cell(a, level, SERVICE.none)];
      }
      grade += this.grade[a] / this.n;
      gradeShare[this.grade[a] - 1] += 1 / this.n;
    }
    return { open, cpp, lac, unmet, grade, gradeShare };
  }

  /** Fills `out` (OUTCOME_IDS order) from the accumulator block starting at `b` (a `BLOCK`) and current stocks. */
  private periodOutcomes(b: BLOCK, out: Float64Array): void {
    const acc = this.acc;
    let pop = 0;
    for (let a = 0; a < this.n; a++) pop += this.population[a];
    const days = Math.max(1, acc[b + F.days]);
    const perYear = DAYS_PER_YEAR / days;
    const per10k = 1e4 / pop;
    const st = this.stocks();
    const ratio = (x: number, y: number): number => (y > 0 ? x / y : Number.NaN);
    const v: Record<OutcomeId, number> = {
      referral_rate: acc[b + F.referrals] * per10k * perYear,
      rereferral_share: 100 * ratio(acc[b + F.rereferrals], acc[b + F.referrals]),
      assessments_within_45_days_share: 100 * ratio(acc[b + F.assessWithin], acc[b + F.assessDone]),
      children_in_need_rate: st.open * per10k,
      child_protection_plans_rate: st.cpp * per10k,
      cpp_second_or_later_share: 100 * ratio(acc[b + F.cppSecond], acc[b + F.cppStarts]),
      looked_after_rate: st.lac * per10k,
      sw_caseload: ratio(acc[b + F.caseDays], acc[b + F.holderDays]),
      sw_turnover_rate: 100 * ratio(acc[b + F.leavers], acc[b + F.permDays] / days) * perYear,
      sw_agency_rate: 100 * ratio(acc[b + F.agencyDays], acc[b + F.agencyDays] + acc[b + F.permDays]),
      sw_vacancy_rate: 100 * ratio(acc[b + F.vacancyDays], acc[b + F.postsDays]),
      spend_gbp: acc[b + F.spend] * perYear,
      unmet_need_rate: st.unmet * per10k,
      days_need_to_help: ratio(acc[b + F.delaySum], acc[b + F.delayCount]),
      harm_events_rate: acc[b + F.harm] * per10k * perYear,
      cost_per_child_helped: ratio(acc[b + F.spend], acc[b + F.helped]),
      inspection_grade: st.grade,
    };
    for (let i = 0; i < OUTCOME_IDS.length; i++) out[i] = v[OUTCOME_IDS[i]];
    if (b === BLOCK.month) {
      for (let g = 0; g < INSPECTION_GRADES.length; g++) this.monthly[`inspection_is_${INSPECTION_GRADES[g]}`][this.month] = st.gradeShare[g];
    }
  }

  private onMonthEnd(k: number): void {
    this.periodOutcomes(BLOCK.month, this.scratch);
    for (let i = 0; i < OUTCOME_IDS.length; i++) this.monthly[OUTCOME_IDS[i]][k] = this.scratch[i];
    this.acc.fill(0, BLOCK.month, BLOCK.month + F.count);
    this.month = k + 1;
    if (k + 1 < this.months) this.sim.at(this.cal.addMonths(this.h0, k + 2), K_MONTH_END, k + 1, -5);
    this.countHelpedAtStart(true, false);
  }

  private onYearEnd(y: number): void {
    this.periodOutcomes(BLOCK.year, this.scratch);
    for (let i = 0; i < OUTCOME_IDS.length; i++) this.yearly[OUTCOME_IDS[i]][y] = this.scratch[i];
    this.acc.fill(0, BLOCK.year, BLOCK.year + F.count);
    this.year = y + 1;
    if (y + 1 < this.input.horizonYears) this.sim.at(this.cal.addMonths(this.h0, 12 * (y + 2)), K_YEAR_END, y + 1, -4);
    this.countHelpedAtStart(false, true);
  }

  run(): WorldOutput {
    this.sim.run(this.end + 1e-6, this);
    const outcomes = {} as Record<OutcomeId, number>;
    this.periodOutcomes(BLOCK.horizon, this.scratch);
    const years = this.input.horizonYears;
    // mean over the years that have a value (a year with no denominator is NaN and is skipped)
    const mean = (id: OutcomeId): number => {
      let s = 0, k = 0;
      for (let y = 0; y < years; y++) { const v = this.yearly[id][y]; if (!Number.isNaN(v)) { s += v; k++; } }
      return k > 0 ? s / k : Number.NaN;
    };
    for (let i = 0; i < OUTCOME_IDS.length; i++) outcomes[OUTCOME_IDS[i]] = this.scratch[i];
    // stocks and the grade are year-end figures: the horizon value is their mean over the years; the
    // horizon's own figure stands in when no year has one (so it is finite whenever the horizon has a denominator)
    for (const id of ['children_in_need_rate', 'child_protection_plans_rate', 'looked_after_rate', 'unmet_need_rate', 'inspection_grade', 'cost_per_child_helped'] as const) {
      const m = mean(id);
      if (!Number.isNaN(m)) outcomes[id] = m;
    }
    const h = BLOCK.horizon;
    const acc = this.acc;
    const conserved: number[] = [];
    const agents = new Float64Array(this.n);
    for (let c = 0; c < this.children.used; c++) if (this.children.active[c] === 1) agents[this.children.authority[c]]++;
    for (let a = 0; a < this.n; a++) conserved.push(this.aggregate[a] + agents[a]);
    return {
      outcomes,
      yearly: this.yearly,
      monthly: this.monthly,
      changes: this.changes,
      events: this.sim.events,
      diagnostics: {
        referrals: acc[h + F.referrals], noFurtherAction: acc[h + F.nfa], earlyHelpFromFrontDoor: acc[h + F.earlyHelp],
        assessmentsStarted: acc[h + F.assessStarted], assessedNotInNeed: acc[h + F.notInNeed], s47: acc[h + F.s47],
        protectionStarts: acc[h + F.cppStarts], careStarts: acc[h + F.careStarts], careEnds: acc[h + F.careEnds],
        agedOut: acc[h + F.agedOut], conservedChildren: conserved, agents: this.children.count, agentSlots: this.children.used,
        meanPermanent: acc[h + F.permDays] / Math.max(1, acc[h + F.days]),
        agentsPer10kByLevelService: Array.from({ length: LEVEL_COUNT }, (_, l) => Array.from({ length: SERVICE_COUNT }, (_, sv) => {
          let t = 0, pop = 0;
          for (let a = 0; a < this.n; a++) { t += this.counts[this.cell(a, l, sv)]; pop += this.population[a]; }
          return Math.round((t / pop) * 1e5) / 10;
        })),
        eventsByKind: Object.fromEntries(EVENT_KINDS.map((k, i) => [k, this.eventsByKind[i]])),
      },
    };
  }
}

/** Shifts an ISO date by whole years (29 February becomes 28 February). */
export function addYearsIso(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  let rest = iso.slice(4);
  if (rest === '-02-29') rest = '-02-28';
  return `${String(y).padStart(4, '0')}${rest}`;
}

/**
 * Simulates one replicate of one arm: warm-up (discarded) then the horizon.
 *
 * Pure: the same input gives a bit-identical output. Random numbers come only from streams derived from
 * (input.rootSeed, input.replicate, purpose) and from per-child streams seeded by them; no stream
 * depends on the arm, so arms of a replicate are paired.
 */
export function simulateWorld(input: WorldInput): WorldOutput {
  return new World(input).run();
}

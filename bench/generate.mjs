#!/usr/bin/env node
// @ts-check
// Generates the benchmark corpus: 1,000 realistic specs (3 to 30 KPIs; three in four compact,
// about 150 lines, most clean, some with each kind of problem the rules report; every fourth
// heavy, see below), one 50,000-line spec, and a 150-line and a 5,000-line spec for the
// in-process (editor) figures. Deterministic: the same seed gives byte-identical files, whose
// hash is printed and kept in corpus/manifest.json.
//
//   node bench/generate.mjs [--seed N] [--kind mixed|heavy] [--out DIR]   (default: bench/corpus)
//
// A corpus of the default kind, "mixed", has every fourth spec "heavy": written like a worked-out
// spec of a real team (long texts full of glossary terms, comments, block scalars, several
// findings); `--kind heavy` makes all 1,000 specs heavy.
//
// Importable: buildCorpus(seed, { kind }) returns the files in memory; writeCorpus(dir, corpus)
// writes them.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export const DEFAULT_SEED = 20270106;
export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), "corpus");
/** 1,000 specs in four folders of 250, so that 250, 500 and 1,000 files can be linted by folder. */
export const SPEC_COUNT = 1000;
export const BATCH_SIZE = 250;
export const LARGE_LINES = 50_000;
export const SMALL_LINES = 150;
export const MEDIUM_LINES = 5_000;

/** Paths of the special files, relative to the corpus folder. */
export const FILES = {
  specs: "specs",
  large: "large/large.campaign.yaml",
  small: "editor/small.campaign.yaml",
  medium: "editor/medium.campaign.yaml",
};

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, small and good enough, and identical on every Node version.

/** A PRNG returning floats in [0, 1), seeded with a 32-bit integer. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** An integer in [low, high], both included. */
  int(low, high) {
    return low + Math.floor(this.next() * (high - low + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }
  /** `count` distinct items, in random order. */
  sample(items, count) {
    const pool = [...items];
    const out = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
  /** Picks by weight from [[value, weight], ...]. */
  weighted(pairs) {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of pairs) {
      r -= weight;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  }
}

/** A 32-bit seed for item `index` of stream `stream`, so each spec has its own sequence. */
function subSeed(seed, stream, index) {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (index + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Clean text avoids every glossary term the ambiguous-term rule reports (DR, SQL,
// SLA, customer, conversion, deployment, model, pipeline, real time, retention, segment,
// session); the problems below bring them in on purpose.

// biome-ignore format: a table packed by hand, a few entries a line
const FIRST = ["Dana", "Sam", "Priya", "Lena", "Tomas", "Chloe", "Diego", "Hannah", "Grace", "Maya", "Erik", "Nora", "Omar", "Aisha", "Kenji", "Sofia", "Lucas", "Amara", "Jonas", "Ines", "Mateo", "Yuki", "Farah", "Niamh", "Ravi", "Elena", "Marco", "Zoe", "Felix", "Leila", "Arjun", "Clara", "Tariq", "Ingrid", "Hugo", "Mei", "Kwame", "Astrid", "Pablo", "Selin"];
// biome-ignore format: a table packed by hand, a few entries a line
const LAST = ["Reyes", "Patel", "Nair", "Fischer", "Ortega", "Martin", "Alvarez", "Okoro", "Liu", "Goldberg", "Johansson", "Quinn", "Haddad", "Bello", "Tanaka", "Rossi", "Dubois", "Mensah", "Berg", "Costa", "Silva", "Sato", "Karimi", "Byrne", "Iyer", "Novak", "Ricci", "Clarke", "Weber", "Moreau", "Sharma", "Lindqvist", "Aziz", "Hansen", "Laurent", "Chen", "Owusu", "Nilsson", "Ruiz", "Yilmaz"];
// biome-ignore format: a table packed by hand, a few entries a line
const ROLES = {
  marketing: ["Campaign manager", "CRM manager", "Copywriter", "Growth marketing manager", "Lifecycle marketer", "Promotions manager", "Brand manager", "Media planner", "Social media manager", "Email marketing specialist", "Partnerships manager", "Marketing analyst", "Content strategist", "Performance marketer", "Campaign lead"],
  technology: ["Solutions architect", "Backend engineer", "Frontend engineer", "Web engineer", "Mobile engineer", "Data engineer", "Analytics engineer", "QA engineer", "Site reliability engineer", "Security engineer", "Engineering manager", "Integration engineer", "Tech lead"],
};
const TEAMS = {
  marketing: ["Lifecycle", "Brand", "Growth", "Partnerships", "Performance"],
  technology: ["Checkout", "Web shop", "Mobile apps", "Data", "Payments", "Loyalty", "Search"],
};
const PLACEHOLDER_NAMES = ["TBD", "TBC", "?", "n/a", "someone", ""];

// biome-ignore format: a table packed by hand, a few entries a line
const SEASONS = ["Spring", "Summer", "Autumn", "Winter", "Holiday", "Back to school", "Black Friday", "New year", "Valentine's", "Easter", "Mid-season", "Anniversary", "Cyber Monday", "Payday", "Midsummer"];
// biome-ignore format: a table packed by hand, a few entries a line
const PRODUCTS = ["outerwear", "skincare", "running shoes", "coffee subscription", "kids' books", "garden tools", "smart home", "pet food", "travel bags", "meal kits", "headphones", "yoga gear", "board games", "cookware", "bike accessories"];
// biome-ignore format: a table packed by hand, a few entries a line
const MECHANICS = ["flash sale", "bundle offer", "referral programme", "loyalty relaunch", "gift guide", "sweepstakes", "free shipping week", "trade-in offer", "early access drop", "price match", "member preview", "student discount", "winback series", "launch countdown"];
// biome-ignore format: a table packed by hand, a few entries a line
const AUDIENCES = ["lapsed members", "new app users", "loyalty members", "first-time buyers", "newsletter subscribers", "students", "parents shopping for school", "gift buyers", "members in Germany and France", "app users who opted in to push"];
const CHANNELS = [
  "email and push",
  "paid social and search ads",
  "the app home screen",
  "in-store QR codes and email",
  "podcast ads with promo codes",
  "SMS and email",
  "partner newsletters",
  "a landing page and display ads",
];
const OFFERS = [
  "a 10 EUR voucher",
  "free shipping on a second order",
  "double points for two weeks",
  "20% off a bundle",
  "an early access pass",
  "a gift with orders over 60 EUR",
  "a free trial month",
];
const FEATURES = [
  "a countdown banner",
  "a stock-aware offer page",
  "single-use codes",
  "a personalised product grid",
  "a referral link per member",
  "an in-app progress bar",
  "a post-purchase survey",
];
const TRIGGERS = [
  "place a second order within 60 days",
  "refer a friend",
  "come back after six months away",
  "add a wish-list item",
  "scan a receipt in the app",
];
const SUMMARIES = [
  (r, t) => `${cap(t.mechanic)} on ${t.product} for ${r.pick(AUDIENCES)}, promoted through ${r.pick(CHANNELS)}, with ${r.pick(FEATURES)}.`,
  (r) => `Members who ${r.pick(TRIGGERS)} get ${r.pick(OFFERS)}; ${r.pick(FEATURES)} keeps the offer page in step with stock.`,
  (r, t) => `${cap(r.pick(AUDIENCES))} get ${r.pick(OFFERS)} during the ${t.season.toLowerCase()} window, announced by ${r.pick(CHANNELS)}.`,
  (r, t) => `A ${t.mechanic} for ${t.product}. ${cap(r.pick(CHANNELS))} drive traffic to one landing page; ${r.pick(FEATURES)} shows the offer.`,
];

// One metric per entry: who owns it naturally, its words, and a target and baseline.
// biome-ignore format: a table packed by hand, a few entries a line
const METRICS = [
  { id: "repeat-purchase-rate", name: "Repeat purchase rate", side: "marketing", definition: "Share of loyalty members with 2+ orders in 90 days", source: "warehouse.orders_daily", target: () => ">= 18%", baseline: () => "14%" },
  { id: "checkout-error-rate", name: "Checkout error rate", side: "technology", definition: "Share of checkout attempts that end in a 5xx error during the sale window", source: "grafana.checkout_errors", target: () => "< 0.5%", baseline: () => "0.8%" },
  { id: "email-click-rate", name: "Email click rate", side: "marketing", definition: "Clicks on any tracked link divided by delivered emails, per send", source: "esp.send_reports", target: () => ">= 3.5%", baseline: () => "2.9%" },
  { id: "landing-page-p95", name: "Landing page load time (p95)", side: "technology", definition: "95th percentile time to largest contentful paint on the landing page, mobile web", source: "rum.web_vitals", target: () => "< 2.5 s", baseline: () => "3.1 s" },
  { id: "new-sign-ups", name: "New sign-ups", side: "both", definition: "New member accounts created through the campaign landing page, net of duplicates", source: "warehouse.signups_daily", target: (r) => r.int(20, 90) * 100, baseline: (r) => r.int(10, 40) * 100 },
  { id: "campaign-revenue", name: "Campaign revenue", side: "both", definition: "Gross revenue from orders that use the campaign code, net of returns within 30 days", source: "warehouse.orders_daily", target: (r) => `EUR ${r.int(2, 30) / 10}M`, baseline: (r) => `EUR ${r.int(1, 20) / 10}M last year` },
  { id: "average-order-value", name: "Average order value", side: "marketing", definition: "Revenue divided by orders for orders that use the campaign code", source: "warehouse.orders_daily", target: (r) => `EUR ${r.int(40, 90)}`, baseline: (r) => `EUR ${r.int(30, 60)}` },
  { id: "unsubscribe-rate", name: "Unsubscribe rate", side: "marketing", definition: "Unsubscribes divided by delivered emails, per send", source: "esp.send_reports", target: () => "< 0.3%", baseline: () => "0.25%" },
  { id: "code-redemption-rate", name: "Code redemption rate", side: "both", definition: "Single-use codes redeemed divided by codes issued, within the offer window", source: "promotions.code_redemptions", target: () => ">= 25%", baseline: () => "19%" },
  { id: "referral-invites", name: "Referral invites sent", side: "marketing", definition: "Invites sent from a member's referral link, counted once per invited address", source: "referral_service.invites", target: (r) => r.int(5, 40) * 1000, baseline: () => 0 },
  { id: "push-opt-in-rate", name: "Push opt-in rate", side: "both", definition: "App users who allow push notifications divided by app users shown the prompt", source: "app_analytics.permissions", target: () => ">= 45%", baseline: () => "38%" },
  { id: "api-error-rate", name: "Offer API error rate", side: "technology", definition: "Share of offer API requests answered with a 5xx status, per hour", source: "grafana.offer_api", target: () => "< 0.1%", baseline: () => "0.2%" },
  { id: "uptime", name: "Shop uptime", side: "technology", definition: "Minutes the shop answers health checks divided by minutes in the sale week", source: "statuspage.checks", target: () => ">= 99.95%", baseline: () => "99.9%" },
  { id: "cart-abandonment", name: "Cart abandonment rate", side: "both", definition: "Carts with at least one offer item that are not checked out within 24 hours", source: "warehouse.carts_daily", target: () => "< 62%", baseline: () => "68%" },
  { id: "nps", name: "Net promoter score", side: "marketing", definition: "Share of survey answers of 9 or 10 minus share of answers from 0 to 6, post-purchase survey", source: "survey_tool.responses", target: (r) => r.int(35, 55), baseline: (r) => r.int(25, 40) },
  { id: "roas", name: "Return on ad spend", side: "marketing", definition: "Revenue attributed to paid ads divided by paid ad spend, last-click", source: "ads_platform.daily_spend", target: (r) => r.int(3, 6), baseline: (r) => r.int(2, 4) },
  { id: "cost-per-sign-up", name: "Cost per sign-up", side: "marketing", definition: "Paid media spend divided by new sign-ups attributed to paid media", source: "ads_platform.daily_spend", target: (r) => `< EUR ${r.int(6, 20)}`, baseline: (r) => `EUR ${r.int(15, 30)}` },
  { id: "email-delivery-time", name: "Email send duration", side: "technology", definition: "Minutes from the first to the last email of a send leaving the ESP", source: "esp.send_reports", target: (r) => `< ${r.int(20, 90)} min`, baseline: (r) => `${r.int(60, 180)} min` },
  { id: "offer-page-views", name: "Offer page views", side: "marketing", definition: "Views of the offer page from campaign links, one per visitor per day", source: "web_analytics.pageviews", target: (r) => r.int(50, 400) * 1000, baseline: (r) => r.int(20, 100) * 1000 },
  { id: "stock-sync-delay", name: "Stock sync delay", side: "technology", definition: "Minutes between a stock change in the warehouse system and its display on the offer page", source: "inventory_service.sync_log", target: () => "< 5 min", baseline: () => "15 min" },
  { id: "app-installs", name: "App installs", side: "both", definition: "First opens of the app by devices reached through campaign links", source: "app_analytics.installs", target: (r) => r.int(5, 50) * 1000, baseline: (r) => r.int(2, 20) * 1000 },
  { id: "voucher-fraud-rate", name: "Voucher fraud rate", side: "technology", definition: "Vouchers blocked by the fraud rules divided by vouchers redeemed", source: "payments.fraud_flags", target: () => "< 0.2%", baseline: () => "0.4%" },
  { id: "second-order-rate", name: "Second order rate", side: "both", definition: "First-time buyers who place a second order within 60 days", source: "warehouse.orders_daily", target: () => ">= 22%", baseline: () => "17%" },
  { id: "consent-rate", name: "Marketing consent rate", side: "both", definition: "New sign-ups that tick the marketing consent box, per week", source: "crm.consents", target: () => ">= 60%", baseline: () => "52%" },
  { id: "search-latency", name: "Search latency (p95)", side: "technology", definition: "95th percentile response time of product search on offer pages", source: "grafana.search_latency", target: () => "< 300 ms", baseline: () => "420 ms" },
  { id: "wishlist-adds", name: "Wish-list adds", side: "marketing", definition: "Items added to a wish list from campaign pages, per week", source: "web_analytics.events_daily", target: (r) => r.int(5, 30) * 1000, baseline: (r) => r.int(1, 10) * 1000 },
];
// biome-ignore format: a table packed by hand, a few entries a line
const DIMENSIONS = [
  ["web", "web"], ["app", "app"], ["email", "email"], ["sms", "SMS"], ["push", "push"], ["de", "Germany"], ["fr", "France"], ["uk", "UK"], ["es", "Spain"], ["nl", "Netherlands"],
  ["week-1", "week 1"], ["week-2", "week 2"], ["returning", "returning members"], ["new-members", "new members"], ["mobile-web", "mobile web"], ["desktop", "desktop"], ["ios", "iOS"], ["android", "Android"],
];
const CADENCES = ["hourly", "daily", "weekly", "weekly", "weekly", "monthly", "per-campaign"];
// biome-ignore format: a table packed by hand, a few entries a line
const SYSTEMS = ["CDP", "ESP", "CRM", "data warehouse", "web shop", "mobile app", "promotions service", "inventory service", "referral service", "CDN", "payment gateway", "survey tool", "SMS gateway", "loyalty service", "search service"];
// biome-ignore format: a table packed by hand, a few entries a line
const DATA_ITEMS = [
  ["member email", "pii"], ["phone number", "pii"], ["delivery address", "pii"], ["device ids", "pii"], ["order history", "confidential"], ["offer codes", "internal"], ["stock levels", "internal"],
  ["product catalogue", "public"], ["referral link ids", "internal"], ["survey answers", "confidential"], ["ad spend", "confidential"], ["consent flags", "pii"],
];
// biome-ignore format: a table packed by hand, a few entries a line
const REVIEW_NOTES = [
  "Consent flags synced nightly.", "No new personal data; offer codes are single-use and expire after the sale.", "Referral links must not expose the referrer's email address.",
  "Vendor script loaded through the tag manager with a content security policy.", "Export to the ad platform uses hashed emails only.", "Rate limits on the voucher endpoint reviewed.", "Survey answers are kept for 12 months, then deleted.",
];
const SECTION_COMMENTS = {
  owners: ["# Who answers for this campaign on each side", "# Owners: named people only", "# People"],
  kpis: ["# KPIs agreed in the kickoff", "# What we measure", "# Numbers both teams report on"],
  security_review: ["# Security and privacy", "# Review by the security team"],
  data: ["# Data the campaign touches", "# Personal data is marked pii"],
  timeline: ["# Key dates", "# Dates are YYYY-MM-DD"],
  summary: ["# What the campaign is, in the words of both teams", "# Summary (goes into the preview)"],
};

// Ambiguous terms the rule reports, each with phrases for a summary and a KPI definition and a
// pinned meaning. `pinKey` is how a spec writes the term under glossary:.
// biome-ignore format: a table packed by hand, a few entries a line
const AMBIGUOUS = [
  { pinKey: "DR", summary: "with personalised DR emails to lapsed members", definition: "Orders from DR ads divided by clicks on them", sentence: "DR emails go to lapsed members first, and the paid social follow-up only reaches members who did not open them.", pins: ["direct response", "marketing"] },
  { pinKey: "SQL", summary: "handing every SQL to the partner team within a day", definition: "SQLs accepted by the partner team within 5 working days", sentence: "Every SQL from the business landing page goes to the partner team within one working day.", pins: ["sales-qualified lead", "marketing"] },
  { pinKey: "customer", summary: "so that each customer sees one offer", definition: "Share of customers who order again within 90 days", sentence: "Each customer sees at most one offer a week, whether by email, push or on the app home screen.", pins: ["external buyer", "marketing"] },
  { pinKey: "real time", summary: "with real-time stock badges on the offer page", definition: "Offer page views with stock shown in real time", sentence: "Stock badges on the offer page update in real time, so that nobody is shown an offer that has sold out.", pins: ["within seconds", "technology"] },
  { pinKey: "segment", summary: "for the high-value segment only", definition: "Share of the target segment that opened at least one email", sentence: "The high-value segment gets the early access pass two days before everyone else.", pins: ["audience segment", "marketing"] },
  { pinKey: "conversion", summary: "to lift conversion on the offer page", definition: "Conversion from offer page visit to order, per day", sentence: "What counts in the end is conversion on the offer page, from the first visit to a paid order.", pins: ["goal action", "marketing"] },
  { pinKey: "retention", summary: "to improve retention after the first order", definition: "Retention of first-time buyers at 90 days", sentence: "Retention after the first order is the figure the leadership team will ask about in the autumn review.", pins: ["customer retention", "marketing"] },
  { pinKey: "pipeline", summary: "feeding the partner pipeline with qualified sign-ups", definition: "Sign-ups that enter the partner pipeline within a week", sentence: "Qualified sign-ups feed the partner pipeline, and the partner team reports back on them every Friday.", pins: ["sales pipeline", "marketing"] },
  { pinKey: "SLA", summary: "within the agreed SLA for the voucher service", definition: "Voucher requests answered within the SLA of 300 ms", sentence: "The voucher service answers within the agreed SLA of 300 ms, at the peak hour too.", pins: ["service level agreement", "technology"] },
  { pinKey: "session", summary: "measured per session on web and app", definition: "Orders divided by sessions on the offer page", sentence: "Engagement is counted per session, on the web and in the app, with bots filtered out.", pins: ["analytics visit", "marketing"] },
  { pinKey: "model", summary: "with offers ranked by the propensity model", definition: "Orders from members the propensity model ranks in its top decile", sentence: "Offers are ranked for each member by the propensity model, retrained every week on the last 90 days of orders.", pins: ["ML or data model", "technology"] },
  { pinKey: "deployment", summary: "ahead of the deployment freeze in November", definition: "Offer page changes shipped after the last deployment before the sale", sentence: "No deployment reaches the web shop in the 48 hours before the sale starts.", pins: ["software deployment", "technology"] },
];

/** Problem kinds; a spec with problems has one to three of them. */
// biome-ignore format: a table packed by hand, a few entries a line
export const PROBLEMS = [
  "owners-missing-side", "owners-placeholder", "no-shared-kpi", "kpi-no-target", "kpi-no-definition", "kpi-no-source",
  "review-missing", "review-incomplete", "gate-unapproved", "gate-waived-pii", "sign-off-missing",
  "term-summary", "term-kpi-definition", "term-placeholder-pin",
  "schema-enum", "schema-unknown-key", "schema-date", "schema-id", "schema-email", "schema-type",
];
const CLEAN_SHARE = 0.6;

// ---------------------------------------------------------------------------------------------
// "Heavy" specs, written the way teams write them once a campaign is worked out: a summary of
// several paragraphs and KPI definitions of several sentences, dense with glossary terms (the
// jargon of both functions and the ambiguous words the rule does not report, such as channel,
// launch, lead or freeze, in every text; reported ones pinned under glossary: or, as a
// problem, not), comments at every indent, blank lines, folded and literal block scalars,
// quoted strings over several lines, notes as a literal list, and several findings per spec.
// Every glossary word below is an entry or alias of glossary/jointspec.glossary.yaml
// (HEAVY_GLOSSARY_TERMS lists them; the unit test checks them against the file).

/** In a mixed corpus, every HEAVY_EVERY-th spec is heavy (a quarter of the files). */
export const HEAVY_EVERY = 4;
/** The glossary terms the heavy text below uses besides the reported ambiguous ones. */
// biome-ignore format: a table packed by hand, a few entries a line
export const HEAVY_GLOSSARY_TERMS = [
  "A/B test", "API", "asset", "attribution", "bounce", "CAC", "CDP", "channel", "churn", "client", "copy", "CPA", "CPM", "CRM", "CTA", "CTR", "data warehouse",
  "ESP", "ETL", "event", "feature flag", "freeze", "funnel", "identity", "idempotent", "impression", "integration", "inventory", "KPI", "latency", "launch", "lead",
  "load test", "LTV", "MQL", "NPS", "PII", "platform", "property", "rate limit", "release", "retargeting", "ROAS", "rollback", "RPO", "RTO", "SDK", "SEO", "SLO",
  "SSO", "staging", "tag", "target", "uptime", "UTM", "webhook",
];
const MARKETS = ["the Netherlands", "Austria", "Ireland", "Belgium", "Denmark", "Portugal"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pct = (r, low, high) => `${r.int(low * 10, high * 10) / 10}%`;

// Sentences of a summary. None uses a term the rule reports, so a summary without a
// problem draws no finding; AMBIGUOUS[].sentence brings those terms in.
const SUMMARY_SENTENCES = [
  (r, t) =>
    `Last year's ${t.season.toLowerCase()} campaign reached ${r.int(2, 40) / 10}M impressions, but the CTR stayed at ${pct(r, 0.8, 2.5)} and the CPA was ${r.int(20, 60)}% over plan, so this year we send less and target better.`,
  () =>
    "Marketing owns the copy, the CTA and the UTM plan for every channel; technology owns the landing page, the feature flag that turns the offer on and off, and the rollback if latency on the checkout API climbs past its SLO.",
  (r) =>
    `Audiences are built in the CDP from ${r.pick(AUDIENCES)} and synced to the ESP by a nightly ETL job; no PII leaves the data warehouse except hashed emails for retargeting on ${r.pick(["paid social", "display ads", "video platforms"])}.`,
  () =>
    "Attribution is last-click for paid media and first-touch for email, the rules finance uses for ROAS and CAC, so that the figures in this spec match the monthly report.",
  (r, t) =>
    `A load test on staging at ${r.int(2, 5)} times last year's peak must pass before the code freeze on ${date(r, t.year, 4, 8)}, and the voucher API keeps its rate limit of ${r.int(5, 50)} requests per second per member.`,
  (r) =>
    `The launch starts small in ${r.pick(MARKETS)}; the press release, the app store assets and the partner integration follow a week later, once the funnel figures from the first market are in.`,
  () =>
    "Offer codes are single-use and issued by the promotions service through an idempotent API call, so that a retried webhook from the ESP never sends anyone two codes.",
  (r) =>
    `The A/B test compares ${r.pick(FEATURES)} with the current page on ${r.int(10, 50)}% of traffic; the winner is picked on CTR and order value, not on bounce rate.`,
  (r) =>
    `Churn among ${r.pick(AUDIENCES)} rose to ${r.int(8, 20)}% last quarter, and the LTV of members who joined through ${r.pick(["paid social", "SEO", "referrals", "the app"])} is about ${r.int(20, 60)}% below the rest.`,
  () =>
    "Every email carries UTM parameters on each link, and the tag manager fires the ad platforms' tags only after consent; SSO guards the campaign dashboard, and MQL counts go to the partner team every Monday.",
  (_r, t) =>
    `Brand identity follows the ${t.season.toLowerCase()} guidelines: the asset library holds the approved banners, and copy changes after the content freeze need both leads to agree.`,
  (r) =>
    `If the NPS survey drops by more than ${r.int(3, 10)} points, the campaign lead and the tech lead decide together whether to pause the emails or to roll back the offer page.`,
  (r) =>
    `Ad inventory on ${r.pick(["partner sites", "the podcast network", "the retail media platform"])} is booked through ${r.pick(MONTHS)}; the media plan assumes a CPM of ${r.int(4, 20)} € and a CTR of at least ${pct(r, 0.5, 1.5)}.`,
  (r) =>
    `RTO for the offer page is ${r.int(15, 60)} minutes and RPO ${r.int(5, 30)} minutes; the CDN serves a static copy of the page if the web shop goes down in the peak hour.`,
  (r) =>
    `The SDK in the ${r.pick(["iOS", "Android"])} app sends the same events as the web shop, so that app and web figures add up without counting anyone twice.`,
  (r, t) =>
    `The ${t.mechanic} runs ${r.pick(MONTHS)}–${r.pick(MONTHS)}; members’ points are credited within ${r.int(2, 48)} hours of an order, and the loyalty service’s uptime target is ${r.pick(["99.9", "99.95", "99.5"])}%.`,
  (r, t) =>
    `The brief from the ${t.season.toLowerCase()} kickoff asks for ${r.pick(OFFERS)} on ${t.product}, told through ${r.pick(CHANNELS)}, with ${r.pick(FEATURES)} on every property we own.`,
  (r) =>
    `The client team at the agency delivers the banners by ${r.pick(MONTHS)} ${r.int(1, 28)}; the release of the offer page is a feature flag switch, not a new build.`,
  () =>
    "Search traffic matters as much as paid media: the SEO team rewrites the category pages, and the CRM team plans the follow-up emails from the same event data.",
];
// Sentences added to a KPI's definition, after the metric's own one.
const KPI_SENTENCES = [
  "Counted in the data warehouse after the nightly ETL run; test orders from staging and orders placed through the partner API are left out.",
  "Bot traffic is filtered by the CDN's rules before the figure reaches the dashboard, so the hourly value can lag by up to a day.",
  "Split by UTM source, so that paid social, SEO traffic, email and push can be compared side by side.",
  "Refunds within 14 days are subtracted; orders placed through the app's SDK count the same as web shop orders.",
  "The dashboard alerts the on-call engineer when the value misses its target for three hours in a row, and the weekly SLO review looks at it.",
  "Attribution is last-click within a 7-day window; impressions without a click do not count.",
  "Members reached only through retargeting are counted once, in the channel of their first click.",
  "Uses the definition of the finance report, so that the ROAS and CAC figures in the monthly review agree with it.",
  "Before the launch the figure comes from the A/B test on 20% of traffic; after it, from all traffic.",
  "Events sent twice by a retried webhook are counted once: the ETL job is idempotent on the event id.",
  "Latency is measured at the CDN edge, not in the browser, so it leaves out the time to draw the page.",
  "PII is never part of the figure; member ids are hashed before the data leaves the CDP.",
  "The funnel step before it is the CTA click on the offer page, reported next to it for context.",
  "LTV and churn are shown next to it in the quarterly review, but they are not part of the target.",
  "Orders from the ESP's test list and from staff accounts (SSO logins) are excluded.",
  "Reported per channel and in total; a KPI owner from each side signs off the weekly figure.",
];
// Lines of a security review's notes, usually written as a literal block.
const NOTE_LINES = [
  "PII: member email and device ids, hashed before any export to the ad platforms.",
  "SSO guards the campaign dashboard; access is reviewed at kickoff and removed when the campaign ends.",
  "Rate limit on the voucher API: 20 requests per second per member, 2,000 in total.",
  "The ESP's webhook is idempotent, so a retry never sends a second code.",
  "Rollback: switch the feature flag off, then purge the CDN cache of the offer page.",
  "Vendor tags load through the tag manager only after consent.",
  "RTO 30 min and RPO 15 min for the promotions service; a restore was tested on staging.",
  "Penetration test of the landing page booked two weeks before the launch.",
  "Consent flags are read from the CDP at send time, never copied into the ESP.",
  "Survey answers stay in the survey tool for 12 months, then are deleted.",
];
// biome-ignore format: a table packed by hand, a few entries a line
const ROLE_DETAILS = {
  marketing: ["copy, CTA and UTM plan", "ESP and CDP audiences", "media plan and CPM deals", "attribution and ROAS reporting", "brand identity and assets", "partner MQL hand-over"],
  technology: ["feature flag and rollback", "ETL from the CDP to the data warehouse", "API latency and uptime", "load test on staging", "SDK release in the apps", "webhook integration with the ESP"],
};
// Comments people leave. Some name reported terms: a comment is not free text, so none of
// them may draw a finding. Comments on a block scalar's header line use HEADER_COMMENTS only.
// biome-ignore format: a table packed by hand, a few entries a line
const COMMENTS = [
  "agreed at kickoff", "TODO: confirm with finance", "see the brief, v3", "owner may change after the reorg", "DR numbers come from the media agency", "ask the data team how sessions are counted",
  "keep in sync with the dashboard", "do not change without both leads", "copied from last year's spec", "SLA still being negotiated", "the segment list lives in the CDP", "checked by legal",
  "real time here means within a minute", "numbers are per market", "🚀 the big one this year", "customer-facing wording, ask the copywriter", "pipeline owner: partner team",
];
const HEADER_COMMENTS = ["wording agreed with legal", "copy from the brief", "keep it short", "reviewed", "v2", "edited in the shared doc first"];

// ---------------------------------------------------------------------------------------------
// A spec as a model: plain data plus the few style choices that only the renderer needs.

function cap(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kebab(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function date(r, year, monthLow = 1, monthHigh = 12) {
  const month = r.int(monthLow, monthHigh);
  const day = r.int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function person(r, side, used) {
  let name;
  do name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
  while (used.has(name));
  used.add(name);
  const p = { name, role: r.pick(ROLES[side]) };
  if (r.chance(0.6)) p.email = `${name.toLowerCase().replace(/ /g, ".")}@example.com`;
  if (r.chance(0.25)) p.team = r.pick(TEAMS[side]);
  return p;
}

function makeKpi(r, usedIds, forceShared) {
  const metric = r.pick(METRICS);
  let id = metric.id;
  let name = metric.name;
  let definition = metric.definition;
  if (usedIds.has(id)) {
    for (let tries = 0; tries < 50 && usedIds.has(id); tries++) {
      const [dimId, dimLabel] = r.pick(DIMENSIONS);
      id = `${metric.id}-${dimId}`;
      name = `${metric.name} (${dimLabel})`;
      definition = `${metric.definition}, ${dimLabel} only`;
    }
    for (let n = 2; usedIds.has(id); n++) id = `${metric.id}-${n}`;
  }
  usedIds.add(id);
  const owners = forceShared || metric.side === "both" || r.chance(0.2) ? ["marketing", "technology"] : [metric.side];
  const kpi = { id, name, definition, target: metric.target(r), owners, source: metric.source };
  if (r.chance(0.7)) kpi.baseline = metric.baseline(r);
  if (r.chance(0.8)) kpi.cadence = r.pick(CADENCES);
  return kpi;
}

/** KPIs per spec: 3 to 30, a few more small specs than large ones (about 16 on average). */
function kpiCount(r) {
  return 3 + Math.floor(28 * r.next() ** 1.1);
}

/**
 * A spec as the generator builds it, before rendering: the fields of the file (most filled in
 * after the first draft, so they start empty) and the generator's own (extras, theme, kpiFactory,
 * heavy). A heavy spec's summary and KPI definitions are paragraphs of sentences.
 * @typedef {object} GeneratedSpec
 * @property {number} jointspec
 * @property {string} id
 * @property {string} title
 * @property {string} status
 * @property {any} summary
 * @property {Record<string, string> | undefined} glossary
 * @property {Record<string, Array<{ name: string, role: string }>>} owners
 * @property {any[]} kpis
 * @property {Record<string, any> | undefined} security_review
 * @property {Array<{ name: string, classification: string, systems: string[] }> | undefined} data
 * @property {string[]} systems
 * @property {Record<string, string> | undefined} timeline
 * @property {Record<string, { name: string, date: string }> | undefined} approvals
 * @property {Array<{ url: string }> | undefined} links
 * @property {Array<[string, string]>} extras
 * @property {Record<string, any>} theme
 * @property {(() => any) | undefined} [kpiFactory]
 * @property {boolean} [heavy]
 */

/** @returns {GeneratedSpec} */
function makeSpec(r, index, options = {}) {
  const theme = { season: r.pick(SEASONS), product: r.pick(PRODUCTS), mechanic: r.pick(MECHANICS) };
  const year = r.int(2026, 2028);
  const title = `${theme.season} ${theme.product} ${theme.mechanic}`;
  const status =
    options.status ??
    r.weighted([
      ["draft", 30],
      ["in-review", 30],
      ["approved", 20],
      ["live", 15],
      ["retired", 5],
    ]);
  const usedNames = new Set();
  /** @type {GeneratedSpec} */
  const spec = {
    jointspec: 1,
    id: `${kebab(title)}-${year}${index === undefined ? "" : `-${String(index).padStart(4, "0")}`}`,
    title: cap(title),
    status,
    summary: r.pick(SUMMARIES)(r, theme),
    glossary: undefined,
    owners: {
      marketing: Array.from(
        {
          length: r.weighted([
            [1, 5],
            [2, 4],
            [3, 1],
          ]),
        },
        () => person(r, "marketing", usedNames),
      ),
      technology: Array.from(
        {
          length: r.weighted([
            [1, 5],
            [2, 4],
            [3, 1],
          ]),
        },
        () => person(r, "technology", usedNames),
      ),
    },
    kpis: [],
    security_review: undefined,
    data: undefined,
    systems: r.sample(SYSTEMS, r.int(2, 6)),
    timeline: undefined,
    approvals: undefined,
    links: undefined,
    extras: [],
    theme: { ...theme, year },
  };
  const usedIds = new Set();
  const count = options.kpis ?? kpiCount(r);
  const sharedAt = r.int(0, Math.min(count, 3) - 1);
  for (let i = 0; i < count; i++) spec.kpis.push(makeKpi(r, usedIds, i === sharedAt));
  spec.kpiFactory = () => makeKpi(r, usedIds, false);

  const dataItems = r.sample(DATA_ITEMS, r.int(1, 4)).map(([name, classification]) => ({ name, classification, systems: r.sample(SYSTEMS, r.int(1, 3)) }));
  spec.data = r.chance(0.85) ? dataItems : undefined;
  const pii = (spec.data ?? []).some((d) => d.classification === "pii");
  const signed = status === "approved" || status === "live" || status === "retired";
  const reviewStatus = signed ? (!pii && r.chance(0.08) ? "waived" : "approved") : r.pick(["not-started", "requested", "in-progress", "approved"]);
  spec.security_review = {
    status: reviewStatus,
    reviewer: `${r.pick(FIRST)} ${r.pick(LAST)}`,
    // In the first two months, before any sign-off (months 3 and 4): a sign-off dated before
    // the review it relies on is a stale-sign-off finding, and a clean spec has none.
    date: date(r, year, 1, 2),
    data_classification: pii ? "pii" : r.pick(["public", "internal", "confidential"]),
  };
  if (r.chance(0.6)) spec.security_review.notes = r.pick(REVIEW_NOTES);
  spec.timeline = { kickoff: date(r, year, 1, 2), launch: date(r, year, 5, 9) };
  if (r.chance(0.5)) spec.timeline["code-freeze"] = date(r, year, 5, 9);
  if (r.chance(0.4)) spec.timeline.end = date(r, year, 10, 12);
  if (signed || (status === "in-review" && r.chance(0.3))) {
    spec.approvals = {};
    for (const side of ["marketing", "technology"]) {
      if (status === "in-review" && side === "technology") continue;
      spec.approvals[side] = { name: spec.owners[side][0].name, date: date(r, year, 3, 4) };
    }
  }
  if (r.chance(0.2)) spec.links = [{ url: `https://wiki.example.com/campaigns/${spec.id}` }];
  if (r.chance(0.15)) spec.extras.push(["x-budget-code", `MKT-${r.int(1000, 9999)}`]);
  // A clean spec may use an ambiguous term, pinned under glossary: as people should.
  if (r.chance(0.12)) {
    const term = r.pick(AMBIGUOUS);
    spec.summary = `${spec.summary.replace(/\.$/, "")}, ${term.summary}.`;
    spec.glossary = { [r.chance(0.2) ? term.pinKey.toLowerCase() : term.pinKey]: r.pick(term.pins) };
  }
  return spec;
}

// Each problem changes the model the way a person would get it wrong.
function applyProblem(r, spec, problem, problems) {
  const kpi = () => r.pick(spec.kpis);
  // Moves the spec to approved or live; what that also needs stays right unless it is the problem.
  const signOff = () => {
    if (spec.status !== "approved" && spec.status !== "live") spec.status = r.pick(["approved", "live"]);
    if (!problems.includes("sign-off-missing") && !(spec.approvals?.marketing && spec.approvals?.technology)) {
      // Signed on the day of the review, not before it (stale-sign-off), when there is one.
      const reviewed = spec.security_review?.date;
      const day = typeof reviewed === "string" && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/.test(reviewed) ? reviewed : "2027-01-20";
      spec.approvals = Object.fromEntries(["marketing", "technology"].map((side) => [side, { name: `${r.pick(FIRST)} ${r.pick(LAST)}`, date: day }]));
    }
    const gated = problems.some((p) => p.startsWith("gate-") || p === "review-missing" || p === "review-incomplete");
    if (!gated && spec.security_review) spec.security_review.status = "approved";
  };
  switch (problem) {
    case "owners-missing-side":
      delete spec.owners[r.pick(["marketing", "technology"])];
      break;
    case "owners-placeholder": {
      const side = r.pick(["marketing", "technology"].filter((s) => spec.owners[s]));
      spec.owners[side] = [{ ...spec.owners[side][0], name: r.pick(PLACEHOLDER_NAMES) }];
      break;
    }
    case "no-shared-kpi":
      for (const k of spec.kpis) if (k.owners && k.owners.length > 1) k.owners = [r.pick(k.owners)];
      break;
    case "kpi-no-target":
      delete kpi().target;
      break;
    case "kpi-no-definition":
      delete kpi().definition;
      break;
    case "kpi-no-source":
      delete kpi().source;
      break;
    case "review-missing":
      spec.security_review = undefined;
      break;
    case "review-incomplete": {
      const review = spec.security_review ?? (spec.security_review = { status: "requested", reviewer: "Nora Quinn", date: "2027-01-28" });
      const what = r.pick(["reviewer", "placeholder", "date", "status"]);
      if (what === "placeholder") review.reviewer = r.pick(["TBD", "?", "someone"]);
      else delete review[what];
      break;
    }
    case "gate-unapproved":
      signOff();
      if (spec.security_review) spec.security_review.status = r.pick(["requested", "in-progress", "not-started"]);
      break;
    case "gate-waived-pii":
      signOff();
      spec.security_review ??= { reviewer: "Nora Quinn", date: "2027-01-28" };
      spec.security_review.status = "waived";
      spec.security_review.data_classification = "pii";
      break;
    case "sign-off-missing":
      signOff();
      if (r.chance(0.5) || !spec.approvals) spec.approvals = undefined;
      else delete spec.approvals[r.pick(["marketing", "technology"])];
      break;
    case "term-summary": {
      const term = r.pick(AMBIGUOUS);
      spec.summary = `${spec.summary.replace(/\.$/, "")}, ${term.summary}.`;
      break;
    }
    case "term-kpi-definition":
      kpi().definition = r.pick(AMBIGUOUS).definition;
      break;
    case "term-placeholder-pin": {
      const term = r.pick(AMBIGUOUS);
      spec.summary = `${spec.summary.replace(/\.$/, "")}, ${term.summary}.`;
      spec.glossary = { [term.pinKey]: r.pick(["TBD", "?"]) };
      break;
    }
    case "schema-enum": {
      const where = r.pick(["status", "cadence", "classification", "review"]);
      if (where === "status") spec.status = r.pick(["in review", "Draft", "done", "approve"]);
      else if (where === "cadence") kpi().cadence = r.pick(["biweekly", "Weekly", "twice a week"]);
      else if (where === "classification" && spec.data) spec.data[0].classification = r.pick(["secret", "PII", "private"]);
      else if (spec.security_review) spec.security_review.status = r.pick(["done", "pending", "approve"]);
      else spec.status = "in review";
      break;
    }
    case "schema-unknown-key": {
      const where = r.pick(["top", "kpi", "owner", "review"]);
      if (where === "top") spec.extras.push([r.pick(["budget", "owner", "kpi", "channels", "notes"]), r.pick(["EUR 40k", "see the brief", "email"])]);
      else if (where === "kpi") kpi().extra = [r.pick(["owner", "goal", "unit", "kpi_owner"]), r.pick(["orders", "Dana", "percent"])];
      else if (where === "owner" && spec.owners.marketing) spec.owners.marketing[0].extra = ["phone", "+49 30 1234567"];
      else if (where === "owner") spec.extras.push(["budget", "EUR 40k"]);
      else if (spec.security_review) spec.security_review.extra = [r.pick(["reviwer", "approved_by", "ticket"]), r.pick(["SEC-4411", "Nora Quinn"])];
      else spec.extras.push(["channels", "email"]);
      break;
    }
    case "schema-date":
      if (spec.security_review && r.chance(0.5)) spec.security_review.date = r.pick(["2027-02-30", "2027-13-01", "15/01/2027", "next week"]);
      else spec.timeline.launch = r.pick(["2027-02-30", "2027-06-31", "March 2027"]);
      break;
    case "schema-id":
      spec.id = r.pick([spec.title, spec.id.replace(/-/g, "_"), cap(spec.id)]);
      break;
    case "schema-email": {
      const owner = spec.owners.marketing?.[0] ?? spec.owners.technology?.[0];
      if (owner) owner.email = r.pick([`${owner.name.split(" ")[0]?.toLowerCase()} at example.com`, `${owner.name.toLowerCase().replace(/ /g, ".")}@example`]);
      else spec.id = spec.title;
      break;
    }
    case "schema-type":
      spec.systemsAsText = true;
      break;
    default:
      throw new Error(`unknown problem ${problem}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Heavy specs as a model. Long texts are paragraphs of sentences (string[][]), which the
// renderer lays out as one line, several lines or a block scalar.

/** Sentences split into one to `most` paragraphs, in order. */
function toParagraphs(r, sentences, most) {
  const count = Math.min(sentences.length, r.int(1, most));
  const out = Array.from({ length: count }, () => /** @type {string[]} */ ([]));
  for (const [i, sentence] of sentences.entries()) out[Math.min(count - 1, Math.floor((i * count) / sentences.length))].push(sentence);
  return out;
}

/** Puts `sentence` into a random paragraph of `text`, at a random place. */
function insertSentence(r, text, sentence) {
  const paragraph = r.pick(text);
  paragraph.splice(r.int(0, paragraph.length), 0, sentence);
}

/** Reported ambiguous terms the spec has not pinned. */
function unpinnedTerms(spec) {
  const pinned = new Set(Object.keys(spec.glossary ?? {}).map((key) => key.toLowerCase()));
  return AMBIGUOUS.filter((term) => !pinned.has(term.pinKey.toLowerCase()));
}

function makeHeavySpec(r, index) {
  const spec = makeSpec(r, index);
  const theme = spec.theme;
  spec.heavy = true;
  const sentences = [spec.summary, ...r.sample(SUMMARY_SENTENCES, r.int(3, 9)).map((make) => make(r, theme))];
  spec.summary = toParagraphs(r, sentences, 3);
  for (const kpi of spec.kpis) {
    if (r.chance(0.25)) continue;
    const extra = r.sample(
      KPI_SENTENCES,
      r.weighted([
        [1, 3],
        [2, 4],
        [3, 2],
        [4, 1],
      ]),
    );
    kpi.definition = toParagraphs(r, [`${kpi.definition}.`, ...extra], r.chance(0.2) ? 2 : 1);
  }
  spec.kpiFactory = undefined;
  // Terms the team pinned, used in the summary or a KPI definition as a team would.
  for (const term of r.sample(
    unpinnedTerms(spec),
    r.weighted([
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 2],
    ]),
  )) {
    spec.glossary ??= {};
    spec.glossary[r.chance(0.15) ? term.pinKey.toLowerCase() : term.pinKey] = r.pick(term.pins);
    const kpi = r.pick(spec.kpis);
    if (r.chance(0.6) || !Array.isArray(kpi.definition)) insertSentence(r, spec.summary, term.sentence);
    else insertSentence(r, kpi.definition, `${term.definition}.`);
  }
  for (const side of ["marketing", "technology"]) {
    for (const p of spec.owners[side]) if (r.chance(0.5)) p.role = `${p.role} (${r.pick(ROLE_DETAILS[side])})`;
  }
  if (spec.security_review) {
    spec.security_review.notes = r.chance(0.85) ? r.sample(NOTE_LINES, r.int(2, 6)).map((line) => [line]) : undefined;
  }
  return spec;
}

/** Problems of a heavy spec: usually several (2.8 kinds on average), a few specs clean. */
function heavyProblems(r) {
  return r.sample(
    PROBLEMS,
    r.weighted([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 3],
      [4, 2],
      [5, 1],
      [6, 1],
    ]),
  );
}

// Heavy specs get their problems several times over: several unmeasurable KPIs, several
// unpinned terms. The rest is applyProblem's.
function applyHeavyProblem(r, spec, problem, problems) {
  const some = (items, most) => r.sample(items, r.int(1, Math.min(most, items.length)));
  switch (problem) {
    case "kpi-no-target":
    case "kpi-no-definition":
    case "kpi-no-source": {
      const field = problem.slice("kpi-no-".length);
      for (const kpi of some(spec.kpis, 4)) delete kpi[field];
      break;
    }
    case "term-summary":
      for (const term of some(unpinnedTerms(spec), 3)) insertSentence(r, spec.summary, term.sentence);
      break;
    case "term-kpi-definition":
      for (const term of some(unpinnedTerms(spec), 3)) {
        const kpi = r.pick(spec.kpis);
        if (Array.isArray(kpi.definition)) insertSentence(r, kpi.definition, `${term.definition}.`);
        else kpi.definition = [[`${term.definition}.`]];
      }
      break;
    case "term-placeholder-pin": {
      const term = r.pick(unpinnedTerms(spec));
      insertSentence(r, spec.summary, term.sentence);
      spec.glossary ??= {};
      spec.glossary[term.pinKey] = r.pick(["TBD", "?", "tbc"]);
      break;
    }
    default:
      applyProblem(r, spec, problem, problems);
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering: block and flow styles, quoting, comments, folded text, two sequence indents.

function plainSafe(text, flow) {
  if (text === "") return false;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`<=]/.test(text) || /\s$/.test(text)) return false;
  if (/: |:$| #|\t/.test(text)) return false;
  if (flow && /[,[\]{}]/.test(text)) return false;
  if (/^(true|false|null|yes|no|on|off|~)$/i.test(text)) return false;
  if (/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) || /^0[xo]/i.test(text) || /^[-+]?\.(inf|nan)$/i.test(text)) return false;
  return true;
}

function scalar(value, style, flow = false) {
  if (typeof value === "number") return String(value);
  if (style.quote === "double" || !plainSafe(value, flow)) return JSON.stringify(value);
  if (style.quote === "single" && !/^\d{4}-\d\d-\d\d$/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

function flowMap(entries, style) {
  return `{ ${entries.map(([k, v]) => `${k}: ${Array.isArray(v) ? flowSeq(v, style) : scalar(v, style, true)}`).join(", ")} }`;
}

function flowSeq(items, style) {
  return `[${items.map((v) => scalar(v, style, true)).join(", ")}]`;
}

/** Wraps long text into a folded block scalar's lines. */
function folded(text, width) {
  const words = text.split(" ");
  const lines = [];
  let line = "";
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function pickStyle(r) {
  return {
    seqIndent: r.chance(0.7) ? 2 : 0,
    quote: r.weighted([
      ["plain", 8],
      ["double", 1],
      ["single", 1],
    ]),
    kpiFlow: r.weighted([
      [0, 7],
      [0.3, 2],
      [1, 1],
    ]),
    ownersListFlow: r.chance(0.75),
    peopleFlow: r.chance(0.2),
    reviewFlow: r.chance(0.15),
    systemsFlow: r.chance(0.7),
    comments: r.chance(0.5),
    foldDefinitions: r.chance(0.15),
    trailingComments: r.chance(0.3),
  };
}

function kpiEntries(kpi) {
  const order = ["id", "name", "definition", "target", "baseline", "owners", "source", "cadence"];
  const entries = order.filter((key) => kpi[key] !== undefined).map((key) => [key, kpi[key]]);
  if (kpi.extra) entries.push(kpi.extra);
  return entries;
}

function renderKpi(r, kpi, style) {
  const pad = " ".repeat(style.seqIndent);
  const entries = kpiEntries(kpi);
  if (r.next() < style.kpiFlow) return [`${pad}- ${flowMap(entries, style)}`];
  const inner = `${pad}  `;
  const lines = [];
  entries.forEach(([key, value], i) => {
    const lead = i === 0 ? `${pad}- ` : inner;
    if (key === "owners" && Array.isArray(value)) {
      if (style.ownersListFlow) lines.push(`${lead}owners: ${flowSeq(value, style)}`);
      else {
        lines.push(`${lead}owners:`);
        for (const owner of value) lines.push(`${inner}  - ${owner}`);
      }
    } else if (key === "definition" && style.foldDefinitions && value.length > 50) {
      lines.push(`${lead}definition: >-`);
      for (const part of folded(value, 48)) lines.push(`${inner}  ${part}`);
    } else {
      const comment =
        key === "id" && style.trailingComments && r.chance(0.15)
          ? `   # ${r.pick(["agreed at kickoff", "reported in the weekly review", "see the dashboard", "new this year"])}`
          : "";
      lines.push(`${lead}${key}: ${scalar(value, style)}${comment}`);
    }
  });
  return lines;
}

function renderPeople(people, style, indent) {
  const pad = " ".repeat(indent + style.seqIndent);
  const lines = [];
  for (const p of people) {
    const entries = Object.entries(p).filter(([k, v]) => k !== "extra" && v !== undefined);
    if (p.extra) entries.push(p.extra);
    if (style.peopleFlow) lines.push(`${pad}- ${flowMap(entries, style)}`);
    else for (const [i, [k, v]] of entries.entries()) lines.push(`${i === 0 ? `${pad}- ` : `${pad}  `}${k}: ${scalar(v, style)}`);
  }
  return lines;
}

function sectionComment(r, style, key) {
  return style.comments && SECTION_COMMENTS[key] && r.chance(0.5) ? [r.pick(SECTION_COMMENTS[key])] : [];
}

/** Renders everything but the KPIs' items, with a marker where they go. */
function renderSpec(r, spec, style, kpiLines) {
  const out = [];
  if (style.comments) out.push(`# ${spec.title}: joint campaign-tech spec`, `# Edited by both teams; keep comments short.`);
  out.push("jointspec: 1");
  out.push(`id: ${scalar(spec.id, style)}`);
  out.push(`title: ${scalar(spec.title, style)}`);
  out.push(`status: ${scalar(spec.status, style)}${style.trailingComments ? "   # draft | in-review | approved | live | retired" : ""}`);
  if (spec.summary.length > 90 && style.foldDefinitions) {
    out.push("summary: >-");
    for (const part of folded(spec.summary, 72)) out.push(`  ${part}`);
  } else out.push(`summary: ${scalar(spec.summary, style)}`);
  if (spec.glossary) {
    out.push("glossary:");
    for (const [k, v] of Object.entries(spec.glossary)) out.push(`  ${scalar(k, style)}: ${scalar(v, style)}`);
  }
  out.push(...sectionComment(r, style, "owners"));
  out.push("owners:");
  for (const side of ["marketing", "technology"]) {
    if (!spec.owners[side]) continue;
    out.push(`  ${side}:`);
    out.push(...renderPeople(spec.owners[side], style, 4));
  }
  out.push(...sectionComment(r, style, "kpis"));
  out.push("kpis:");
  out.push(...kpiLines);
  const review = spec.security_review;
  if (review) {
    out.push(...sectionComment(r, style, "security_review"));
    const entries = ["status", "reviewer", "date", "data_classification", "notes"].filter((k) => review[k] !== undefined).map((k) => [k, review[k]]);
    if (review.extra) entries.push(review.extra);
    if (style.reviewFlow && !review.notes) out.push(`security_review: ${flowMap(entries, style)}`);
    else {
      out.push("security_review:");
      for (const [k, v] of entries) out.push(`  ${k}: ${scalar(v, style)}`);
    }
  }
  if (spec.data) {
    out.push(...sectionComment(r, style, "data"));
    out.push("data:");
    const pad = " ".repeat(style.seqIndent);
    for (const item of spec.data) {
      out.push(`${pad}- name: ${scalar(item.name, style)}`);
      out.push(`${pad}  classification: ${scalar(item.classification, style)}`);
      out.push(`${pad}  systems: ${flowSeq(item.systems, style)}`);
    }
  }
  if (spec.systemsAsText) out.push(`systems: ${scalar(spec.systems.join(", "), style)}`);
  else if (style.systemsFlow) out.push(`systems: ${flowSeq(spec.systems, style)}`);
  else {
    out.push("systems:");
    for (const s of spec.systems) out.push(`${" ".repeat(style.seqIndent)}- ${scalar(s, style)}`);
  }
  out.push(...sectionComment(r, style, "timeline"));
  out.push("timeline:");
  for (const [k, v] of Object.entries(spec.timeline)) out.push(`  ${k}: ${scalar(v, style)}`);
  if (spec.approvals) {
    out.push("approvals:");
    for (const [side, a] of Object.entries(spec.approvals)) out.push(`  ${side}: ${flowMap(Object.entries(a), style)}`);
  }
  if (spec.links) {
    out.push("links:");
    for (const l of spec.links) out.push(`${" ".repeat(style.seqIndent)}- url: ${scalar(l.url, style)}`);
  }
  for (const [k, v] of spec.extras) out.push(`${k}: ${scalar(v, style)}`);
  return out;
}

function renderKpis(r, spec, style) {
  const lines = [];
  spec.kpis.forEach((kpi, i) => {
    if (style.comments && i > 0 && r.chance(0.06))
      lines.push(
        `${" ".repeat(style.seqIndent)}# ${r.pick(["Health metrics owned by technology", "Funnel numbers", "Agreed with finance", "Reported in the weekly review"])}`,
      );
    lines.push(...renderKpi(r, kpi, style));
  });
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Rendering heavy specs: the same keys, laid out as people lay out long text.

const TEXT_KINDS = ["folded", "folded-strip", "literal", "literal-strip", "plain", "double", "single"];
const BLOCK_HEADERS = { folded: ">", "folded-strip": ">-", literal: "|", "literal-strip": "|-" };

function pickHeavyStyle(r) {
  const text = r.weighted([
    ["folded", 4],
    ["folded-strip", 4],
    ["literal", 3],
    ["literal-strip", 1],
    ["plain", 3],
    ["double", 2],
    ["single", 1],
  ]);
  return {
    ...pickStyle(r),
    kpiFlow: 0,
    peopleFlow: r.chance(0.1),
    reviewFlow: false,
    comments: r.chance(0.85),
    commentRate: r.int(5, 30) / 100,
    trailingComments: r.chance(0.6),
    text,
    mixedText: r.chance(0.5),
    width: r.int(64, 110),
    blankLines: r.chance(0.7),
    kpiBlankLines: r.chance(0.5),
    leadingBlank: r.chance(0.1),
    spaceLines: r.chance(0.25),
    crlf: r.chance(0.05),
    finalNewline: !r.chance(0.05),
  };
}

/** Text lines of at most `width` characters, broken at spaces. */
function wrap(text, width) {
  return folded(text, Math.max(20, width));
}

/** A full-line comment at column `indent`. */
function comment(r, indent) {
  return `${" ".repeat(indent)}# ${r.pick(COMMENTS)}`;
}

/** A comment after a value, on some lines when the style has them. */
function trailing(r, style, p = 0.15) {
  return style.trailingComments && r.chance(p) ? `${" ".repeat(r.int(1, 4))}# ${r.pick(COMMENTS)}` : "";
}

/**
 * `key: text` for a long text (paragraphs of sentences) whose key is at column `indent`;
 * `lead` is what precedes the key on its line. `list` lays paragraphs out as "- " lines.
 */
function longText(r, lead, key, text, indent, style, list = false) {
  const kind = style.mixedText ? r.pick(TEXT_KINDS) : style.text;
  const header = BLOCK_HEADERS[kind];
  const pad = " ".repeat(indent + 2);
  if (header) {
    const content = " ".repeat(indent + (r.chance(0.1) ? 4 : 2));
    const lines = [`${lead}${key}: ${header}${style.trailingComments && r.chance(0.15) ? `  # ${r.pick(HEADER_COMMENTS)}` : ""}`];
    if (style.leadingBlank && r.chance(0.3)) lines.push("");
    text.forEach((sentences, i) => {
      // Between paragraphs a blank line, sometimes with the spaces an editor left on it.
      if (i > 0 && !list) lines.push(style.spaceLines && r.chance(0.5) ? " ".repeat(r.int(1, content.length + 2)) : "");
      const body = list ? `- ${sentences.join(" ")}` : sentences.join(" ");
      for (const [j, part] of wrap(body, style.width - content.length).entries()) lines.push(`${content}${list && j > 0 ? "  " : ""}${part}`);
    });
    return lines;
  }
  const flat = text.map((sentences) => sentences.join(" ")).join(" ");
  const first = `${lead}${key}: `;
  let quoted;
  if (kind === "plain" && plainSafe(flat, false)) quoted = flat;
  else if (kind === "single") quoted = `'${flat.replace(/'/g, "''")}'`;
  else quoted = JSON.stringify(flat);
  if (first.length + quoted.length <= style.width || r.chance(0.25)) return [`${first}${quoted}${trailing(r, style)}`];
  // Over several lines: the line breaks fold to spaces, in plain and quoted scalars alike.
  const parts = wrap(quoted, style.width - pad.length);
  if (quoted === flat && parts.slice(1).some((part) => /^[-?:,[\]{}#&*!|>'"%@`]/.test(part))) return [`${first}${quoted}`];
  return [`${first}${parts[0]}`, ...parts.slice(1).map((part) => `${pad}${part}`)];
}

/** A value that may be a long text, a list of owners or a short scalar. */
function heavyEntry(r, lead, key, value, indent, style) {
  if (Array.isArray(value) && Array.isArray(value[0])) return longText(r, lead, key, value, indent, style);
  if (key === "owners" && Array.isArray(value)) {
    if (style.ownersListFlow) return [`${lead}owners: ${flowSeq(value, style)}${trailing(r, style)}`];
    return [`${lead}owners:${trailing(r, style)}`, ...value.map((owner) => `${" ".repeat(indent + 2)}- ${owner}`)];
  }
  return [`${lead}${key}: ${scalar(value, style)}${trailing(r, style)}`];
}

function renderHeavyKpi(r, kpi, style) {
  const pad = " ".repeat(style.seqIndent);
  const fieldIndent = style.seqIndent + 2;
  const lines = [];
  kpiEntries(kpi).forEach(([key, value], i) => {
    // A comment between two fields, at the fields' indent or off it (never as deep as the
    // content of a block scalar above, which it would join).
    if (i > 0 && style.comments && r.chance(style.commentRate / 2)) lines.push(comment(r, r.pick([0, 1, fieldIndent - 1, fieldIndent, fieldIndent + 1])));
    lines.push(...heavyEntry(r, i === 0 ? `${pad}- ` : `${pad}  `, key, value, fieldIndent, style));
  });
  return lines;
}

function renderHeavySpec(r, spec, style) {
  const out = [];
  const blank = () => style.blankLines && out.push("");
  const note = (indent) => style.comments && r.chance(style.commentRate) && out.push(comment(r, indent));
  if (style.comments) {
    out.push(`# ${spec.title}: joint campaign-tech spec`, "#", `# ${r.pick(COMMENTS)}`, `#   - ${r.pick(COMMENTS)}`);
    blank();
  }
  out.push(`jointspec: 1${trailing(r, style)}`);
  out.push(`id: ${scalar(spec.id, style)}`);
  out.push(`title: ${scalar(spec.title, style)}${trailing(r, style)}`);
  out.push(`status: ${scalar(spec.status, style)}${style.trailingComments ? "   # draft | in-review | approved | live | retired" : ""}`);
  blank();
  out.push(...sectionComment(r, style, "summary"));
  out.push(...longText(r, "", "summary", spec.summary, 0, style));
  if (spec.glossary) {
    blank();
    note(0);
    out.push(`glossary:${trailing(r, style)}`);
    for (const [k, v] of Object.entries(spec.glossary)) out.push(`  ${scalar(k, style)}: ${scalar(v, style)}${trailing(r, style)}`);
  }
  blank();
  out.push(...sectionComment(r, style, "owners"));
  out.push(`owners:${trailing(r, style)}`);
  for (const side of ["marketing", "technology"]) {
    if (!spec.owners[side]) continue;
    note(r.pick([2, 3, 4]));
    out.push(`  ${side}:`);
    out.push(...renderPeople(spec.owners[side], style, 4));
  }
  // A comment after the end of a nested list, before the next section.
  note(r.pick([0, 2, 4, 5]));
  blank();
  out.push(...sectionComment(r, style, "kpis"));
  out.push(`kpis:${trailing(r, style)}`);
  spec.kpis.forEach((kpi, i) => {
    if (i > 0 && style.kpiBlankLines) out.push("");
    if (i > 0) note(r.pick([0, style.seqIndent, style.seqIndent + 1, 3]));
    out.push(...renderHeavyKpi(r, kpi, style));
  });
  const review = spec.security_review;
  if (review) {
    blank();
    out.push(...sectionComment(r, style, "security_review"));
    out.push("security_review:");
    for (const k of ["status", "reviewer", "date", "data_classification"])
      if (review[k] !== undefined) out.push(`  ${k}: ${scalar(review[k], style)}${trailing(r, style)}`);
    if (review.extra) out.push(`  ${review.extra[0]}: ${scalar(review.extra[1], style)}`);
    if (review.notes) {
      note(r.pick([1, 2]));
      // Notes are a list of points: a literal block most of the time.
      if (r.chance(0.7))
        out.push("  notes: |", ...review.notes.flatMap((n) => wrap(`- ${n[0]}`, style.width - 4).map((part, j) => `    ${j > 0 ? "  " : ""}${part}`)));
      else out.push(...longText(r, "  ", "notes", review.notes, 2, style, true));
    }
  }
  if (spec.data) {
    blank();
    out.push(...sectionComment(r, style, "data"));
    out.push("data:");
    const pad = " ".repeat(style.seqIndent);
    for (const item of spec.data) {
      out.push(`${pad}- name: ${scalar(item.name, style)}`);
      out.push(`${pad}  classification: ${scalar(item.classification, style)}${trailing(r, style)}`);
      out.push(`${pad}  systems: ${flowSeq(item.systems, style)}`);
    }
  }
  blank();
  if (spec.systemsAsText) out.push(`systems: ${scalar(spec.systems.join(", "), style)}`);
  else if (style.systemsFlow) out.push(`systems: ${flowSeq(spec.systems, style)}${trailing(r, style, 0.3)}`);
  else {
    out.push("systems:");
    for (const s of spec.systems) out.push(`${" ".repeat(style.seqIndent)}- ${scalar(s, style)}${trailing(r, style)}`);
  }
  blank();
  out.push(...sectionComment(r, style, "timeline"));
  out.push("timeline:");
  for (const [k, v] of Object.entries(spec.timeline)) out.push(`  ${k}: ${scalar(v, style)}${trailing(r, style, 0.2)}`);
  if (spec.approvals) {
    blank();
    out.push("approvals:");
    for (const [side, a] of Object.entries(spec.approvals)) out.push(`  ${side}: ${flowMap(Object.entries(a), style)}`);
  }
  if (spec.links) {
    out.push("links:");
    for (const l of spec.links) out.push(`${" ".repeat(style.seqIndent)}- url: ${scalar(l.url, style)}`);
  }
  for (const [k, v] of spec.extras) out.push(`${k}: ${scalar(v, style)}`);
  note(0);
  return out;
}

/** One spec's text and what was put into it. */
function generateSpec(seed, stream, index, options = {}) {
  const r = new Random(subSeed(seed, stream, index));
  if (options.heavy) return generateHeavySpec(r, index);
  const spec = makeSpec(r, options.numbered ? index : undefined, options);
  const problems =
    options.problems ??
    (r.chance(CLEAN_SHARE)
      ? []
      : r.sample(
          PROBLEMS,
          r.weighted([
            [1, 6],
            [2, 3],
            [3, 1],
          ]),
        ));
  for (const problem of problems) applyProblem(r, spec, problem, problems);
  const style = pickStyle(r);
  const kpiLines = renderKpis(r, spec, style);
  if (options.lines) {
    // Grow to the wanted length: more KPIs, a few of them with a problem of their own.
    const base = renderSpec(new Random(subSeed(seed, stream + 100, index)), spec, style, []).length;
    const newKpi = spec.kpiFactory;
    if (!newKpi) throw new Error("generate: a spec without a KPI factory cannot grow to a number of lines");
    while (base + kpiLines.length < options.lines) {
      const kpi = newKpi();
      if (r.chance(options.kpiProblemRate ?? 0)) {
        const what = r.pick(["target", "definition", "source", "term"]);
        if (what === "term") kpi.definition = r.pick(AMBIGUOUS).definition;
        else delete kpi[what];
      }
      spec.kpis.push(kpi);
      kpiLines.push(...renderKpi(r, kpi, style));
    }
  }
  const text = `${renderSpec(new Random(subSeed(seed, stream + 100, index)), spec, style, kpiLines).join("\n")}\n`;
  return { text, problems, kpis: spec.kpis.length };
}

/** One heavy spec's text and what was put into it. */
function generateHeavySpec(r, index) {
  const spec = makeHeavySpec(r, index);
  const problems = heavyProblems(r);
  for (const problem of problems) applyHeavyProblem(r, spec, problem, problems);
  const style = pickHeavyStyle(r);
  const lines = renderHeavySpec(r, spec, style);
  const eol = style.crlf ? "\r\n" : "\n";
  const text = `${lines.join(eol)}${style.finalNewline ? eol : ""}`;
  return { text, problems, kpis: spec.kpis.length, heavy: true, id: spec.id };
}

// ---------------------------------------------------------------------------------------------

/** What a corpus's 1,000 specs are: "mixed" (every fourth heavy) or "heavy" (all of them). */
export const KINDS = ["mixed", "heavy"];

/**
 * The whole corpus in memory: { seed, kind, files: [{ path (relative, /-separated), text, lines,
 * kpis, problems, heavy }], hash }. The kind decides the 1,000 specs only: the large and the
 * editor specs are the same for both kinds.
 */
export function buildCorpus(seed = DEFAULT_SEED, { kind = "mixed" } = {}) {
  if (!KINDS.includes(kind)) throw new Error(`unknown corpus kind ${kind}; the kinds are ${KINDS.join(", ")}`);
  const files = [];
  const add = (path, generated) => {
    const lines = generated.text.split("\n").length - (generated.text.endsWith("\n") ? 1 : 0);
    files.push({ path, text: generated.text, lines, kpis: generated.kpis, problems: generated.problems, heavy: Boolean(generated.heavy) });
  };
  for (let i = 0; i < SPEC_COUNT; i++) {
    // Heavy specs come from a stream of their own, so the others stay as they were before
    // heavy specs existed, and spec i is the same heavy spec in both kinds of corpus.
    const heavy = kind === "heavy" || i % HEAVY_EVERY === HEAVY_EVERY - 1;
    const generated = heavy ? generateSpec(seed, 4, i, { heavy: true, numbered: true }) : generateSpec(seed, 0, i, { numbered: true });
    const batch = Math.floor(i / BATCH_SIZE);
    const name = generated.id ?? /^id: "?([^"\n]*)"?$/m.exec(generated.text)?.[1] ?? "spec";
    add(`${FILES.specs}/batch-${batch}/${String(i).padStart(4, "0")}-${kebab(name).slice(0, 60)}.campaign.yaml`, generated);
  }
  add(
    FILES.large,
    generateSpec(seed, 1, 0, { lines: LARGE_LINES, kpis: 30, status: "in-review", problems: ["term-summary", "kpi-no-source"], kpiProblemRate: 0.002 }),
  );
  add(FILES.small, generateSpec(seed, 2, 0, { lines: SMALL_LINES, kpis: 3, status: "in-review", problems: ["term-summary", "kpi-no-target"] }));
  add(
    FILES.medium,
    generateSpec(seed, 3, 0, { lines: MEDIUM_LINES, kpis: 30, status: "in-review", problems: ["term-summary", "kpi-no-source"], kpiProblemRate: 0.01 }),
  );
  return { seed, kind, files, hash: corpusHash(files) };
}

/** sha256 over every file's path and bytes, in path order. */
export function corpusHash(files) {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) hash.update(`${file.path}\0${file.text}\0`);
  return hash.digest("hex");
}

/** Writes the corpus under `dir` (replacing the folders it owns) with a manifest. */
export function writeCorpus(dir, corpus) {
  for (const owned of ["specs", "large", "editor"]) rmSync(join(dir, owned), { recursive: true, force: true });
  for (const file of corpus.files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  const manifest = {
    seed: corpus.seed,
    kind: corpus.kind,
    hash: corpus.hash,
    files: corpus.files.map(({ path, lines, kpis, problems, heavy }) => ({ path, lines, kpis, problems, ...(heavy ? { heavy } : {}) })),
  };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
}

/** The manifest of the corpus in `dir`, or undefined when there is none. */
export function readManifest(dir = CORPUS_DIR) {
  try {
    return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** Some numbers about a corpus, for people. */
export function describeCorpus(corpus) {
  const specs = corpus.files.filter((f) => f.path.startsWith(`${FILES.specs}/`));
  const lines = specs.map((f) => f.lines);
  const kpis = specs.map((f) => f.kpis);
  const withProblems = specs.filter((f) => f.problems.length > 0).length;
  const heavy = specs.filter((f) => f.heavy);
  const mean = (values) => (values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length));
  const byProblem = Object.fromEntries(PROBLEMS.map((p) => [p, specs.filter((f) => f.problems.includes(p)).length]));
  const sizeOf = (path) => corpus.files.find((f) => f.path === path).lines;
  return {
    specs: specs.length,
    meanLines: mean(lines),
    meanKb: mean(specs.map((f) => Buffer.byteLength(f.text))) / 1000,
    heavy: heavy.length,
    heavyMeanLines: mean(heavy.map((f) => f.lines)),
    minLines: Math.min(...lines),
    maxLines: Math.max(...lines),
    kpis: [Math.min(...kpis), Math.max(...kpis)],
    clean: specs.length - withProblems,
    byProblem,
    large: sizeOf(FILES.large),
    small: sizeOf(FILES.small),
    medium: sizeOf(FILES.medium),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { seed: { type: "string" }, kind: { type: "string" }, out: { type: "string" }, quiet: { type: "boolean" } } });
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed takes an integer, not ${values.seed}`);
  const dir = values.out ? resolve(values.out) : CORPUS_DIR;
  const corpus = buildCorpus(seed, { kind: values.kind ?? "mixed" });
  writeCorpus(dir, corpus);
  const d = describeCorpus(corpus);
  console.log(`corpus: seed ${seed}, ${corpus.kind}, sha256 ${corpus.hash}`);
  if (!values.quiet) {
    console.log(
      `  ${d.specs} specs in ${dir}/specs: ${d.meanLines} lines (${d.meanKb} kB) on average (${d.minLines} to ${d.maxLines}), ${d.kpis[0]} to ${d.kpis[1]} KPIs, ${d.clean} clean`,
    );
    console.log(`  ${d.heavy} heavy specs, ${d.heavyMeanLines} lines on average`);
    console.log(
      `  problems: ${Object.entries(d.byProblem)
        .map(([p, n]) => `${p} ${n}`)
        .join(", ")}`,
    );
    console.log(`  large spec ${d.large} lines, editor specs ${d.small} and ${d.medium} lines`);
  }
}

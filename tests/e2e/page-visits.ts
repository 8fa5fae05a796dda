/**
 * Visiting the pages of pages.ts: signing in as the page's visitor, making
 * the draft a page needs, following the path's links, switching language and
 * elder mode, and submitting a form so that its errors show.
 */
import crypto from "node:crypto";

import type { Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../db/seed/index";

import { expect, newResident, postForm, signIn, test } from "./fixtures";
import { parseStep, PREPARED, routePattern, type PageEntry, type Preparation, type Visitor } from "./pages";

const DEMO_EMAIL: Record<Exclude<Visitor, "public" | "new-resident">, string> = {
  resident: "resident@putuo.example",
  worker: "worker@putuo.example",
  huawei: "huawei@putuo.example",
  reviewer: "reviewer@putuo.example",
  official: "official@putuo.example",
};

/** A name for test titles: the URL it starts from and the links it follows. */
export function entryTitle(entry: PageEntry): string {
  const [first, ...steps] = entry.path;
  return [first, ...steps.map((step) => `→ ${step}`)].join(" ");
}

export async function signInAs(page: Page, visitor: Visitor): Promise<void> {
  if (visitor === "public") return;
  if (visitor === "new-resident") {
    await newResident(page);
    return;
  }
  const account = DEMO_ACCOUNTS.find((a) => a.email === DEMO_EMAIL[visitor]);
  expect(account, `demo account for ${visitor}`).toBeTruthy();
  await signIn(page, account!.email, account!.password);
}

/** Language and elder mode for this browser context: the cookie the header's switches set. */
export async function setPreferences(page: Page, prefs: { locale?: "zh-CN" | "en"; elder?: boolean }): Promise<void> {
  const form: Record<string, string> = { redirectTo: "/" };
  if (prefs.locale) form.locale = prefs.locale;
  if (prefs.elder !== undefined) form.elder = prefs.elder ? "1" : "0";
  const response = await postForm(page, "/preferences", form);
  expect(response.status()).toBe(302);
}

const tag = () => crypto.randomBytes(3).toString("hex");

const pageHtml = async (page: Page, path: string) => (await page.request.get(path, { headers: { connection: "close" } })).text();

/** The value of the first `name` field (or option) of a form page, read from its HTML. */
async function formValue(page: Page, path: string, name: string): Promise<string> {
  const html = await pageHtml(page, path);
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  const value = input ? /value="([^"]+)"/.exec(input)?.[1] : new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?<option[^>]*value="(\\d+)"`).exec(html)?.[1];
  expect(value, `${path} offers a ${name}`).toBeTruthy();
  return value!;
}

/**
 * The signed-in official opens a test campaign, a resident (in a browser of
 * their own) submits a demand to it, and the official moves it to screening:
 * its queue then holds that demand. Returns the queue's address.
 */
async function campaignInScreening(page: Page): Promise<string> {
  const slug = `a11y-screening-${tag()}`;
  const created = await postForm(page, "/official/campaigns/new", {
    slug,
    titleZh: `无障碍检查征集 ${slug}`,
    titleEn: `Accessibility check call ${slug}`,
    opensAt: "2026-01-01",
    closesAt: "2030-12-31",
    applicationQuota: "100",
    demandQuota: "10",
    reviewersPerItem: "3",
    "rubric[0].key": "innovation",
    "rubric[0].labelZh": "创新性",
    "rubric[0].labelEn": "Innovation",
    "rubric[0].weight": "1",
    "rubric[0].scaleMax": "10",
  });
  expect(created.status(), "the official opens a campaign").toBe(302);
  const campaignId = /entityId=(\d+)/.exec(await pageHtml(page, `/official/campaigns/${slug}`))?.[1];
  expect(campaignId, "the campaign's id").toBeTruthy();

  const context = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const resident = await context.newPage();
  await newResident(resident);
  const submitted = await postForm(resident, "/demands/new", {
    campaignId: campaignId!,
    title: `楼道声控灯经常不亮 ${tag()}`,
    description: "楼道里的声控灯经常不亮，老人晚上上下楼看不清台阶，希望换成感应灯。",
    domain: "life",
    subdistrictId: await formValue(resident, "/demands/new", "subdistrictId"),
    raisedBy: "resident",
    contactPreference: "none",
    intent: "submit",
    skipSimilar: "1",
  });
  expect(submitted.status(), "the resident submits a demand").toBe(302);
  await context.close();

  const stage = `/official/campaigns/${slug}/stage?to=screening`;
  const moved = await postForm(page, stage, { to: "screening", version: await formValue(page, stage, "version") });
  expect(moved.status(), "the campaign moves to screening").toBe(302);
  return `/official/campaigns/${slug}/screening?type=demand`;
}

/** Makes what the entry needs through the forms' own POSTs; returns the page to start from. */
async function prepare(page: Page, kind: Preparation): Promise<string> {
  if (kind === "campaign-in-screening") return campaignInScreening(page);
  const response =
    kind === "draft-demand"
      ? await postForm(page, "/demands/new", {
          campaignId: await formValue(page, "/demands/new", "campaignId"),
          title: `楼道声控灯经常不亮 ${tag()}`,
          description: "楼道里的声控灯经常不亮，老人晚上上下楼看不清台阶，希望换成感应灯。",
          domain: "life",
          subdistrictId: await formValue(page, "/demands/new", "subdistrictId"),
          raisedBy: "resident",
          contactPreference: "none",
          intent: "draft",
          skipSimilar: "1",
        })
      : await postForm(page, "/applications/new", {
          idempotencyKey: crypto.randomUUID(),
          campaignId: await formValue(page, "/applications/new", "campaignId"),
          organizationId: await formValue(page, "/applications/new", "organizationId"),
          title: `楼道感应照明 ${tag()}`,
          summary: "用人体感应灯替换声控灯，老人上下楼不用喊。",
          description: "毫米波感应、低功耗，断电时应急照明三十分钟。",
          domain: "life",
          maturity: "concept",
          intent: "save",
        });
  expect(response.status(), `the ${kind} is saved`).toBe(302);
  return new URL(response.headers().location!, "http://localhost").pathname;
}

/** Signs in, prepares, and opens the entry's page; returns its URL. */
export async function openEntry(page: Page, entry: PageEntry): Promise<string> {
  await signInAs(page, entry.visitor);
  const prepared = entry.prepare ? await prepare(page, entry.prepare) : null;
  return gotoEntry(page, entry, prepared);
}

/** Opens the entry's page (the visitor is signed in, the draft made); returns its URL. */
export async function gotoEntry(page: Page, entry: PageEntry, prepared: string | null = null): Promise<string> {
  const [first, ...steps] = entry.path;
  let url = first === PREPARED ? prepared! : first;
  expect(url, "the prepared page").toBeTruthy();
  for (const step of steps) {
    const response = await page.goto(url);
    expect(response?.status(), `${url} opens`).toBe(200);
    const { route, within } = parseStep(step);
    const pattern = routePattern(route);
    const links = page.locator(within ? `main ${within} a[href]` : "main a[href]");
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const next = hrefs.find((href) => pattern.test(href.split(/[?#]/)[0]));
    expect(next, `a link to ${route} (${pattern}) on ${url}`).toBeTruthy();
    url = next!;
  }
  const response = await page.goto(url);
  expect(response?.status(), `${url} answers`).toBe(entry.status ?? 200);
  expect(routePattern(entry.route).test(new URL(page.url()).pathname), `${page.url()} is served by ${entry.route}`).toBe(true);
  return url;
}

/**
 * Submits the entry's form so that it fails: emptied of its text, or with the
 * entry's bad values typed in. Waits for the page to mark a field invalid and
 * checks that nothing was accepted (the address stays the same).
 */
export async function submitInvalid(page: Page, entry: PageEntry): Promise<void> {
  const check = entry.form!;
  const before = new URL(page.url()).pathname;
  const submit = page.locator(check.submit).first();
  const form = submit.locator("xpath=ancestor::form[1]");
  if (check.invalid) {
    for (const [name, value] of Object.entries(check.invalid)) await form.locator(`[name="${name}"]`).fill(value);
  } else {
    const text = form.locator(
      'input:is([type="text"], [type="email"], [type="password"], [type="tel"], [type="url"], [type="number"], [type="search"], :not([type])):visible, textarea:visible',
    );
    for (const field of await text.all()) if (await field.isEditable()) await field.fill("");
  }
  await submit.click();
  await page.waitForLoadState("load");
  await expect(page.locator('main [aria-invalid="true"]').first(), "the failed submission marks a field invalid").toBeAttached();
  expect(new URL(page.url()).pathname, "nothing was accepted").toBe(before);
}

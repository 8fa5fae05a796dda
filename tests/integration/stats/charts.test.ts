/**
 * The charts as the server renders them: SVG with a name that carries the
 * numbers, a visible caption, the data table, labels in the page's language —
 * and the same markup on every render (ids do not come from a counter), so
 * the browser hydrates what the server sent.
 */
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";

import { createI18n } from "../../../app/i18n";
import type { Locale } from "../../../app/locales";
import { CategoryChart, FunnelChart, MatchStagesChart, ResponseTimeChart, ReviewProgressChart } from "../../../app/stats/charts";

const render = (locale: Locale, element: ReactElement) => renderToString(createElement(I18nextProvider, { i18n: createI18n(locale) }, element));

const funnel = (id = "funnel-test") =>
  createElement(FunnelChart, {
    id,
    caption: "2021 · 应用：从提交到入选",
    counts: { submitted: 500, passedScreening: 465, scored: 465, shortlisted: 100, selected: 100 },
    kind: "applications",
  });

/** The text content of every element matching an opening tag name (a small reader, enough for our markup). */
function texts(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => m[1].replace(/<[^>]+>/g, ""));
}

describe("statistics charts", () => {
  it("draw a named SVG image with its caption, its numbers at the bars and a data table", () => {
    const html = render("zh-CN", funnel());
    expect(html).toContain("<figure");
    expect(texts(html, "figcaption")).toEqual(["2021 · 应用：从提交到入选"]);
    const svg = html.match(/<svg[^>]*>/)![0];
    expect(svg).toContain('role="img"');
    expect(svg).toContain('viewBox="0 0 340 ');
    const name = "2021 · 应用：从提交到入选：提交 500；通过初筛 465；完成评分 465；入围 100；入选 100";
    expect(svg).toContain(`aria-label="${name}"`);
    expect(texts(html, "title")).toEqual([name]);
    // Stage names above the bars, values with their share after them.
    const svgTexts = texts(html, "text");
    expect(svgTexts).toEqual(expect.arrayContaining(["提交", "通过初筛", "完成评分", "入围", "入选", "500（100%）", "465（93%）", "100（20%）"]));
    expect(html.match(/class="recharts-rectangle"/g)).toHaveLength(5);
    expect(texts(html, "summary")).toEqual(["查看数据表"]);
    expect(texts(html, "th")).toEqual(["环节", "应用", "占提交数", "提交", "通过初筛", "完成评分", "入围", "入选"]);
    expect(texts(html, "td")).toEqual(["500", "100%", "465", "93%", "465", "93%", "100", "20%", "100", "20%"]);
  });

  it("render the same markup every time, with ids taken from the chart", () => {
    const first = render("zh-CN", funnel("one"));
    render("zh-CN", funnel("two"));
    expect(render("zh-CN", funnel("one"))).toBe(first);
    expect(first).toContain('id="one-clip"');
  });

  it("speak English on English pages", () => {
    const html = render("en", funnel());
    expect(texts(html, "text")).toEqual(expect.arrayContaining(["Submitted", "Passed screening", "Selected", "500 (100%)", "100 (20%)"]));
    expect(texts(html, "summary")).toEqual(["Show the data table"]);
    expect(html).toContain('aria-label="2021 · 应用：从提交到入选: Submitted 500; Passed screening 465; Fully scored 465; Shortlisted 100; Selected 100"');
  });

  it("draw every kind of chart with its own numbers", () => {
    const review = render(
      "en",
      createElement(ReviewProgressChart, {
        id: "review",
        caption: "Review",
        review: {
          applications: { assignments: 180, done: 95, pending: 85, recused: 2, reviews: 95, itemsComplete: 10, itemsToReview: 60 },
          demands: { assignments: 0, done: 0, pending: 0, recused: 0, reviews: 0, itemsComplete: 0, itemsToReview: 12 },
        },
      }),
    );
    // Demands have no assignments: one stacked bar (two segments), written as done/total.
    expect(review.match(/class="recharts-rectangle"/g)).toHaveLength(2);
    expect(texts(review, "text")).toEqual(["Applications", "95/180 (53%)"]);
    expect(texts(review, "li")).toEqual(["Done", "To do"]);

    const categories = render(
      "zh-CN",
      createElement(CategoryChart, {
        id: "domains",
        caption: "按领域",
        categoryHeader: "领域",
        rows: [
          { key: "economy", label: "经济数字化", demands: 13, applications: 60 },
          { key: "life", label: "生活数字化", demands: 21, applications: 95 },
        ],
        kinds: ["demands", "applications"],
      }),
    );
    expect(categories).toContain('aria-label="按领域：经济数字化 需求 13，应用 60；生活数字化 需求 21，应用 95"');
    expect(texts(categories, "td")).toEqual(["13", "60", "21", "95"]);

    const histogram = render(
      "zh-CN",
      createElement(ResponseTimeChart, {
        id: "response",
        caption: "应用",
        kind: "applications",
        times: {
          responded: 3,
          waiting: 0,
          undated: 0,
          medianDays: 2,
          p90Days: 70,
          histogram: [
            { fromDays: 0, toDays: 1, count: 1 },
            { fromDays: 1, toDays: 60, count: 1 },
            { fromDays: 60, toDays: null, count: 1 },
          ],
        },
      }),
    );
    expect(texts(histogram, "text")).toEqual(["0–1", "1–60", "60+", "1", "1", "1"]);
    expect(texts(histogram, "th")).toEqual(["提交后的天数", "应用", "0–1 天", "1–60 天", "60 天及以上"]);

    const stages = render("en", createElement(MatchStagesChart, { id: "m", caption: "Matches", stages: [{ stage: "piloting", count: 4 }] }));
    expect(stages).toContain('aria-label="Matches: Piloting 4"');
  });
});

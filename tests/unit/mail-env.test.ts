/** The mail settings of the environment: SMTP_URL, MAIL_FROM, PUBLIC_URL. */
import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "../../app/utils/env.server";

describe("mail settings", () => {
  it("defaults to no SMTP (local mailbox) and links to localhost:3000", () => {
    const env = parseEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
    expect(env.MAIL_FROM).toMatch(/@/);
  });

  it("accepts smtp:// and smtps:// URLs and a public URL without its trailing slash", () => {
    const env = parseEnv({ SMTP_URL: "smtp://user:pass@mail.example:587", PUBLIC_URL: "https://lab.putuo.example/", MAIL_FROM: "普陀 Lab <lab@putuo.example>" });
    expect(env.SMTP_URL).toBe("smtp://user:pass@mail.example:587");
    expect(env.PUBLIC_URL).toBe("https://lab.putuo.example");
    expect(parseEnv({ SMTP_URL: "smtps://mail.example:465" }).SMTP_URL).toBe("smtps://mail.example:465");
  });

  it.each([
    ["SMTP_URL", "mail.example:587"],
    ["SMTP_URL", "http://mail.example"],
    ["PUBLIC_URL", "lab.putuo.example"],
    ["PUBLIC_URL", "ftp://lab.putuo.example"],
  ])("refuses %s=%j with an EnvError naming it", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(name);
  });
});

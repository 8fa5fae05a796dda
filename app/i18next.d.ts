import "i18next";

// Keys are checked by tests/unit/i18n-keys.test.ts (every literal key used in
// app/ must exist in Chinese, and English must mirror Chinese by type), which
// keeps the "namespace:key" form usable everywhere without heavy generic types.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    returnNull: false;
  }
}

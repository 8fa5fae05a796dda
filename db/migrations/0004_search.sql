CREATE TABLE "search_documents" (
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"lang" text DEFAULT 'zh-CN' NOT NULL,
	"domain" text,
	"status" text,
	"subdistrict_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"technology_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"organization_id" integer,
	"campaign_id" integer,
	"is_public" boolean NOT NULL,
	"author_id" integer,
	"member_organization_id" integer,
	"reviewer_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"support_count" integer DEFAULT 0 NOT NULL,
	"sort_date" timestamp with time zone,
	"tsv" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_entity_type_entity_id_pk" PRIMARY KEY("entity_type","entity_id"),
	CONSTRAINT "search_documents_entity_check" CHECK ("entity_type" IN ('demand', 'application', 'organization'))
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"document_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_subdistricts_idx" ON "search_documents" USING gin ("subdistrict_ids");--> statement-breakpoint
CREATE INDEX "search_documents_technologies_idx" ON "search_documents" USING gin ("technology_ids");--> statement-breakpoint
CREATE INDEX "search_documents_filters_idx" ON "search_documents" USING btree ("entity_type","domain","status");--> statement-breakpoint
CREATE INDEX "search_documents_org_idx" ON "search_documents" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "search_documents_campaign_idx" ON "search_documents" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);
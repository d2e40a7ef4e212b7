CREATE TYPE "public"."role" AS ENUM('viewer', 'editor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."dossier_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."reliability" AS ENUM('A', 'B', 'C', 'D', 'E', 'F');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('news_report', 'official_statement', 'social_media_post', 'press_release', 'video', 'document', 'interview', 'other');--> statement-breakpoint
CREATE TYPE "public"."audit_action" AS ENUM('create', 'update', 'delete', 'restore', 'publish', 'unpublish');--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" "dossier_status" DEFAULT 'draft' NOT NULL,
	"events_start_on" date,
	"events_end_on" date,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "dossiers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"url" text,
	"url_normalised" text,
	"title" text NOT NULL,
	"outlet" text DEFAULT '' NOT NULL,
	"author" text DEFAULT '' NOT NULL,
	"kind" "source_kind" DEFAULT 'news_report' NOT NULL,
	"language" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"retrieved_at" timestamp with time zone,
	"archive_url" text,
	"reliability" "reliability" DEFAULT 'F' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" "audit_action" NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"dossier_id" uuid,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_status_updated_idx" ON "dossiers" USING btree ("status","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_dossier_url_unique" ON "sources" USING btree ("dossier_id","url_normalised") WHERE "sources"."deleted_at" is null and "sources"."url_normalised" is not null;--> statement-breakpoint
CREATE INDEX "sources_dossier_created_idx" ON "sources" USING btree ("dossier_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sources_dossier_published_idx" ON "sources" USING btree ("dossier_id","published_at","id");--> statement-breakpoint
CREATE INDEX "sources_dossier_title_idx" ON "sources" USING btree ("dossier_id","title","id");--> statement-breakpoint
CREATE INDEX "sources_dossier_reliability_idx" ON "sources" USING btree ("dossier_id","reliability","id");--> statement-breakpoint
CREATE INDEX "sources_dossier_kind_idx" ON "sources" USING btree ("dossier_id","kind","id");--> statement-breakpoint
CREATE INDEX "sources_title_trgm_idx" ON "sources" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sources_outlet_trgm_idx" ON "sources" USING gin ("outlet" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sources_url_trgm_idx" ON "sources" USING gin ("url" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_dossier_idx" ON "audit_log" USING btree ("dossier_id","occurred_at");
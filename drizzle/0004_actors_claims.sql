CREATE TYPE "public"."actor_kind" AS ENUM('state', 'international_organisation', 'government_body', 'armed_group', 'person', 'religious_authority', 'media', 'other');--> statement-breakpoint
CREATE TYPE "public"."party_role" AS ENUM('party', 'mediator', 'other');--> statement-breakpoint
CREATE TYPE "public"."claim_category" AS ENUM('ceasefire_violation', 'attack_on_civilians', 'casualties', 'military_losses', 'territorial_control', 'humanitarian', 'diplomatic', 'other');--> statement-breakpoint
CREATE TYPE "public"."claim_relation_kind" AS ENUM('counters', 'corroborates', 'updates');--> statement-breakpoint
CREATE TYPE "public"."correction_kind" AS ENUM('correction', 'update', 'clarification');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('exact', 'day', 'approximate');--> statement-breakpoint
CREATE TYPE "public"."quote_kind" AS ENUM('verbatim', 'paraphrase');--> statement-breakpoint
CREATE TYPE "public"."verification_status" AS ENUM('unverified', 'in_progress', 'corroborated', 'disputed', 'false', 'misleading', 'unverifiable');--> statement-breakpoint
CREATE TABLE "actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "actor_kind" NOT NULL,
	"country_code" text,
	"affiliation_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"match_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" "party_role" DEFAULT 'party' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "claim_about" (
	"claim_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "claim_about_claim_id_actor_id_pk" PRIMARY KEY("claim_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "claim_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" "correction_kind" NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "claim_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_claim_id" uuid NOT NULL,
	"to_claim_id" uuid NOT NULL,
	"kind" "claim_relation_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "claim_sources" (
	"claim_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "claim_sources_claim_id_source_id_pk" PRIMARY KEY("claim_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"claimant_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"quote" text DEFAULT '' NOT NULL,
	"quote_kind" "quote_kind" DEFAULT 'paraphrase' NOT NULL,
	"original_text" text DEFAULT '' NOT NULL,
	"original_language" text DEFAULT '' NOT NULL,
	"said_at" timestamp with time zone,
	"said_precision" date_precision DEFAULT 'day' NOT NULL,
	"occurred_at" timestamp with time zone,
	"occurred_precision" date_precision DEFAULT 'day' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"category" "claim_category" DEFAULT 'other' NOT NULL,
	"killed" integer,
	"killed_at_least" boolean DEFAULT false NOT NULL,
	"wounded" integer,
	"wounded_at_least" boolean DEFAULT false NOT NULL,
	"displaced" integer,
	"displaced_at_least" boolean DEFAULT false NOT NULL,
	"equipment_destroyed" integer,
	"equipment_destroyed_at_least" boolean DEFAULT false NOT NULL,
	"status" "verification_status" DEFAULT 'unverified' NOT NULL,
	"status_explanation" text DEFAULT '' NOT NULL,
	"credibility" smallint DEFAULT 6 NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(statement, '') || ' ' || coalesce(quote, '') || ' ' || coalesce(original_text, '') || ' ' || coalesce(internal_notes, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_affiliation_id_actors_id_fk" FOREIGN KEY ("affiliation_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_parties" ADD CONSTRAINT "dossier_parties_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_parties" ADD CONSTRAINT "dossier_parties_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_about" ADD CONSTRAINT "claim_about_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_about" ADD CONSTRAINT "claim_about_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_corrections" ADD CONSTRAINT "claim_corrections_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_corrections" ADD CONSTRAINT "claim_corrections_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_from_claim_id_claims_id_fk" FOREIGN KEY ("from_claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_to_claim_id_claims_id_fk" FOREIGN KEY ("to_claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_sources" ADD CONSTRAINT "claim_sources_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_sources" ADD CONSTRAINT "claim_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_claimant_id_actors_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actors_name_idx" ON "actors" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "actors_kind_name_idx" ON "actors" USING btree ("kind","name","id");--> statement-breakpoint
CREATE INDEX "actors_affiliation_idx" ON "actors" USING btree ("affiliation_id");--> statement-breakpoint
CREATE INDEX "actors_match_keys_idx" ON "actors" USING gin ("match_keys");--> statement-breakpoint
CREATE INDEX "actors_name_trgm_idx" ON "actors" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_parties_unique" ON "dossier_parties" USING btree ("dossier_id","actor_id") WHERE "dossier_parties"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "dossier_parties_dossier_idx" ON "dossier_parties" USING btree ("dossier_id","position");--> statement-breakpoint
CREATE INDEX "claim_about_actor_idx" ON "claim_about" USING btree ("actor_id","claim_id");--> statement-breakpoint
CREATE INDEX "claim_corrections_claim_idx" ON "claim_corrections" USING btree ("claim_id","created_at");--> statement-breakpoint
CREATE INDEX "claim_corrections_dossier_idx" ON "claim_corrections" USING btree ("dossier_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_relations_unique" ON "claim_relations" USING btree ("from_claim_id","to_claim_id","kind");--> statement-breakpoint
CREATE INDEX "claim_relations_to_idx" ON "claim_relations" USING btree ("to_claim_id","kind");--> statement-breakpoint
CREATE INDEX "claim_sources_source_idx" ON "claim_sources" USING btree ("source_id","claim_id");--> statement-breakpoint
CREATE INDEX "claims_dossier_said_idx" ON "claims" USING btree ("dossier_id","said_at","id");--> statement-breakpoint
CREATE INDEX "claims_dossier_said_desc_idx" ON "claims" USING btree ("dossier_id","said_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "claims_dossier_occurred_idx" ON "claims" USING btree ("dossier_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "claims_dossier_created_idx" ON "claims" USING btree ("dossier_id","created_at","id");--> statement-breakpoint
CREATE INDEX "claims_dossier_status_idx" ON "claims" USING btree ("dossier_id","status","id");--> statement-breakpoint
CREATE INDEX "claims_dossier_category_idx" ON "claims" USING btree ("dossier_id","category","id");--> statement-breakpoint
CREATE INDEX "claims_dossier_claimant_idx" ON "claims" USING btree ("dossier_id","claimant_id","id");--> statement-breakpoint
CREATE INDEX "claims_claimant_idx" ON "claims" USING btree ("claimant_id");--> statement-breakpoint
CREATE INDEX "claims_search_idx" ON "claims" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "claims_tags_idx" ON "claims" USING gin ("tags");
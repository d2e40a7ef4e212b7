CREATE TYPE "public"."alignment" AS ENUM('with', 'neutral', 'against', 'unclear');--> statement-breakpoint
CREATE TYPE "public"."reaction_channel" AS ENUM('statement', 'social_media', 'phone_call', 'speech', 'communique', 'vote', 'other');--> statement-breakpoint
CREATE TYPE "public"."reaction_stance" AS ENUM('ceasefire', 'talks', 'mediation', 'supports_party', 'condemns', 'concern', 'sympathy', 'humanitarian_aid', 'sanctions', 'neutral', 'other');--> statement-breakpoint
CREATE TABLE "reaction_actors" (
	"reaction_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"counts_for_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reaction_actors_reaction_id_actor_id_pk" PRIMARY KEY("reaction_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "reaction_alignments" (
	"reaction_id" uuid NOT NULL,
	"party_actor_id" uuid NOT NULL,
	"alignment" "alignment" NOT NULL,
	"edited" boolean DEFAULT false NOT NULL,
	CONSTRAINT "reaction_alignments_reaction_id_party_actor_id_pk" PRIMARY KEY("reaction_id","party_actor_id")
);
--> statement-breakpoint
CREATE TABLE "reaction_sources" (
	"reaction_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reaction_sources_reaction_id_source_id_pk" PRIMARY KEY("reaction_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "reaction_targets" (
	"reaction_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "reaction_targets_reaction_id_actor_id_pk" PRIMARY KEY("reaction_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "reactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"speaker_id" uuid,
	"reacted_at" timestamp with time zone,
	"reacted_precision" date_precision DEFAULT 'day' NOT NULL,
	"channel" "reaction_channel" DEFAULT 'statement' NOT NULL,
	"stances" "reaction_stance"[] NOT NULL,
	"primary_stance" "reaction_stance" NOT NULL,
	"quote" text DEFAULT '' NOT NULL,
	"original_text" text DEFAULT '' NOT NULL,
	"original_language" text DEFAULT '' NOT NULL,
	"paraphrase" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(quote, '') || ' ' || coalesce(original_text, '') || ' ' || coalesce(paraphrase, '') || ' ' || coalesce(internal_notes, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "watch_list_members" (
	"dossier_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid,
	CONSTRAINT "watch_list_members_dossier_id_actor_id_pk" PRIMARY KEY("dossier_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "watch_lists" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "reaction_actors" ADD CONSTRAINT "reaction_actors_reaction_id_reactions_id_fk" FOREIGN KEY ("reaction_id") REFERENCES "public"."reactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reaction_actors" ADD CONSTRAINT "reaction_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reaction_actors" ADD CONSTRAINT "reaction_actors_counts_for_id_actors_id_fk" FOREIGN KEY ("counts_for_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reaction_alignments" ADD CONSTRAINT "reaction_alignments_reaction_id_reactions_id_fk" FOREIGN KEY ("reaction_id") REFERENCES "public"."reactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reaction_alignments" ADD CONSTRAINT "reaction_alignments_party_actor_id_actors_id_fk" FOREIGN KEY ("party_actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reaction_sources" ADD CONSTRAINT "reaction_sources_reaction_id_reactions_id_fk" FOREIGN KEY ("reaction_id") REFERENCES "public"."reactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reaction_sources" ADD CONSTRAINT "reaction_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reaction_targets" ADD CONSTRAINT "reaction_targets_reaction_id_reactions_id_fk" FOREIGN KEY ("reaction_id") REFERENCES "public"."reactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reaction_targets" ADD CONSTRAINT "reaction_targets_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reactions" ADD CONSTRAINT "reactions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reactions" ADD CONSTRAINT "reactions_speaker_id_actors_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_list_members" ADD CONSTRAINT "watch_list_members_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_list_members" ADD CONSTRAINT "watch_list_members_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_lists" ADD CONSTRAINT "watch_lists_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reaction_actors_actor_idx" ON "reaction_actors" USING btree ("actor_id","reaction_id");--> statement-breakpoint
CREATE INDEX "reaction_actors_counts_for_idx" ON "reaction_actors" USING btree ("counts_for_id");--> statement-breakpoint
CREATE INDEX "reaction_sources_source_idx" ON "reaction_sources" USING btree ("source_id","reaction_id");--> statement-breakpoint
CREATE INDEX "reaction_targets_actor_idx" ON "reaction_targets" USING btree ("actor_id","reaction_id");--> statement-breakpoint
CREATE INDEX "reactions_dossier_reacted_idx" ON "reactions" USING btree ("dossier_id","reacted_at","id");--> statement-breakpoint
CREATE INDEX "reactions_dossier_reacted_desc_idx" ON "reactions" USING btree ("dossier_id","reacted_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "reactions_dossier_created_idx" ON "reactions" USING btree ("dossier_id","created_at","id");--> statement-breakpoint
CREATE INDEX "reactions_dossier_primary_idx" ON "reactions" USING btree ("dossier_id","primary_stance","id");--> statement-breakpoint
CREATE INDEX "reactions_dossier_channel_idx" ON "reactions" USING btree ("dossier_id","channel","id");--> statement-breakpoint
CREATE INDEX "reactions_stances_idx" ON "reactions" USING gin ("stances");--> statement-breakpoint
CREATE INDEX "reactions_search_idx" ON "reactions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "reactions_tags_idx" ON "reactions" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "watch_list_members_actor_idx" ON "watch_list_members" USING btree ("actor_id");
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`service_id` integer,
	`counter_id` integer,
	`user_id` integer,
	`at` integer NOT NULL,
	`source` text DEFAULT 'tablet' NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_ticket_id_unique` ON `feedback` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `feedback_at` ON `feedback` (`at`);--> statement-breakpoint
CREATE TABLE `plan_fact_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`hour` text NOT NULL,
	`counter_id` integer,
	`reason_id` text NOT NULL,
	`text` text,
	`measure` text,
	`user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_fact_notes_day` ON `plan_fact_notes` (`day`);--> statement-breakpoint
ALTER TABLE `devices` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `agent_info` text;--> statement-breakpoint
ALTER TABLE `services` ADD `norm_service_sec` integer;--> statement-breakpoint
ALTER TABLE `services` ADD `hours` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `code` text;--> statement-breakpoint
-- Tickets issued before codes existed get one, so every status page can move to codes.
UPDATE `tickets` SET `code` = lower(hex(randomblob(8))) WHERE `code` IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_code` ON `tickets` (`code`);--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;
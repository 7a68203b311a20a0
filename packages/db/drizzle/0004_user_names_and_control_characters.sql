-- Hand-written: the users table is being changed on a parallel branch, so its limit is kept out
-- of the Drizzle schema file for now (the lead may fold it into users.ts after the merge).
ALTER TABLE "users" ADD CONSTRAINT "users_name_length_check" CHECK (char_length("name") <= 100);--> statement-breakpoint
-- Names are one line of text: no control characters (the input primitives refuse them too).
ALTER TABLE "users" ADD CONSTRAINT "users_name_control_check" CHECK ("name" !~ '[[:cntrl:]]');--> statement-breakpoint
ALTER TABLE "squads" ADD CONSTRAINT "squads_name_control_check" CHECK ("name" !~ '[[:cntrl:]]');--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_name_control_check" CHECK ("name" !~ '[[:cntrl:]]');--> statement-breakpoint
ALTER TABLE "athlete_profiles" ADD CONSTRAINT "athlete_profiles_event_or_sport_control_check" CHECK ("event_or_sport" !~ '[[:cntrl:]]');

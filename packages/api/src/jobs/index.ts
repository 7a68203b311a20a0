export { REASSESS_QUEUE, reassessQueue, updateReassessQueue, type ReassessJobData } from "./reassess-queue";
export { enqueueMissingSnapshots, enqueueOutdatedSnapshots, handleReassessJobs, PendingJobsNotDue, runPendingJobs, startWorker, type RunningWorker, type WorkerOptions } from "./reassess-worker";
export { readJobEnv, type JobEnv } from "./env";
export { ensureInlineWorker } from "./inline-worker";
export { RETENTION_CRON, RETENTION_QUEUE, runRetention, scheduleRetention } from "./retention";
export { REMINDER_CRON, REMINDER_LOCAL_HOUR, REMINDER_QUEUE, reminderMailFromEnv, sendDueReminders, startReminderJob, type ReminderMail } from "./reminder-job";

/**
 * Notifications by mail for every event a person must act on or should know: recorded, rendered
 * from editable Chinese templates, and delivered by an async job after the step commits, retried,
 * raising an incident after the last retry and never sent twice.
 */
package cn.cppcc.proposals.notification;

/** What happens on a scheduled stream's timetable: the "starting soon" reminder before its planned start. */
package io.relaycast.application.schedule;

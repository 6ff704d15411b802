import { validationError } from "../errors";
import { CallTimeWindow, CallWindow, WEEKDAYS, Weekday } from "../campaigns/model";
import { isKnownTimeZone } from "../lifecycle/timezone";
import {
  childPath,
  readArray,
  readBoolean,
  readEnum,
  readInteger,
  readObject,
  readRequired,
  readString,
  rejectUnknownFields,
} from "./fields";

const TIME_WINDOW_FIELDS = ["windows", "timezone", "auto_resume"] as const;
const WINDOW_FIELDS = ["days", "start_min", "end_min"] as const;
const MINUTES_PER_DAY = 1440;

/**
 * Reads a `call_time_window` object. `windows` is required; `timezone` defaults to Asia/Seoul and
 * `auto_resume` to true.
 */
export function readCallTimeWindow(value: unknown, field: string): CallTimeWindow {
  const object = readObject(value, field);
  rejectUnknownFields(object, TIME_WINDOW_FIELDS, field);
  const windowsField = childPath(field, "windows");
  const rawWindows = readArray(readRequired(object, "windows", field), windowsField);
  if (rawWindows.length === 0) throw validationError(windowsField, "must contain at least one window");
  const windows = rawWindows.map((window, index) => readWindow(window, childPath(windowsField, index)));

  const timezoneField = childPath(field, "timezone");
  const timezone = object.timezone === undefined ? "Asia/Seoul" : readString(object.timezone, timezoneField);
  if (!isKnownTimeZone(timezone)) throw validationError(timezoneField, "must be an IANA time zone name such as Asia/Seoul");

  const autoResume = object.auto_resume === undefined ? true : readBoolean(object.auto_resume, childPath(field, "auto_resume"));
  return { windows, timezone, autoResume };
}

function readWindow(value: unknown, field: string): CallWindow {
  const object = readObject(value, field);
  rejectUnknownFields(object, WINDOW_FIELDS, field);
  const daysField = childPath(field, "days");
  const rawDays = readArray(readRequired(object, "days", field), daysField);
  if (rawDays.length === 0) throw validationError(daysField, "must name at least one day");
  const days: Weekday[] = [];
  rawDays.forEach((rawDay, index) => {
    const dayField = childPath(daysField, index);
    const day = readEnum(rawDay, dayField, WEEKDAYS);
    if (days.includes(day)) throw validationError(dayField, `names ${day} twice`);
    days.push(day);
  });
  const startMinField = childPath(field, "start_min");
  const startMin = readInteger(readRequired(object, "start_min", field), startMinField, 0, MINUTES_PER_DAY - 1);
  const endMin = readInteger(readRequired(object, "end_min", field), childPath(field, "end_min"), 1, MINUTES_PER_DAY);
  if (startMin >= endMin) {
    throw validationError(startMinField, "must be less than end_min (no overnight windows: split them in two)");
  }
  return { days, startMin, endMin };
}

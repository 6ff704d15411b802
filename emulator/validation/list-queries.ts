import { validationError } from "../errors";
import { CAMPAIGN_STATUSES, CampaignStatus } from "../campaigns/model";
import { childPath, readArray, readEnum, readInteger, readObject, readString, rejectUnknownFields } from "./fields";

/** GET /v3/campaigns query: `cursor` is the id of the last campaign of the previous page. */
export interface V3ListQuery {
  cursor: string | null;
  limit: number;
}

const V3_QUERY_PARAMETERS = ["cursor", "limit"] as const;

/** Validates the query string of GET /v3/campaigns; an unknown or repeated parameter is 400. */
export function validateV3ListQuery(query: URLSearchParams): V3ListQuery {
  for (const name of new Set(query.keys())) {
    if (!(V3_QUERY_PARAMETERS as readonly string[]).includes(name)) {
      throw validationError(name, "is not a known query parameter", V3_QUERY_PARAMETERS);
    }
    if (query.getAll(name).length > 1) throw validationError(name, "must be given at most once");
  }
  const rawLimit = query.get("limit");
  let limit = 50;
  if (rawLimit !== null) {
    limit = /^[0-9]{1,4}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    readInteger(limit, "limit", 1, 100);
  }
  const cursor = query.get("cursor");
  if (cursor === "") throw validationError("cursor", "must not be empty");
  return { cursor, limit };
}

/** POST /v2/campaigns/list body, defaults applied. Timestamps bound created_at, both ends inclusive. */
export interface V2ListQuery {
  statuses: CampaignStatus[] | null;
  agentIds: string[] | null;
  createdFrom: number | null;
  createdTo: number | null;
  sortOrder: "ascending" | "descending";
  limit: number;
  paginationKey: string | null;
}

const V2_LIST_FIELDS = ["filter_criteria", "sort_order", "limit", "pagination_key"] as const;
const FILTER_FIELDS = ["status", "agent_id", "start_timestamp"] as const;
const START_TIMESTAMP_FIELDS = ["lower_threshold", "upper_threshold"] as const;
const SORT_ORDERS = ["ascending", "descending"] as const;

/** Validates a POST /v2/campaigns/list body; an empty body lists with the defaults. */
export function validateV2ListQuery(body: unknown): V2ListQuery {
  const object = body === undefined ? {} : readObject(body, "");
  rejectUnknownFields(object, V2_LIST_FIELDS, "");
  const query: V2ListQuery = {
    statuses: null,
    agentIds: null,
    createdFrom: null,
    createdTo: null,
    sortOrder: object.sort_order === undefined ? "descending" : readEnum(object.sort_order, "sort_order", SORT_ORDERS),
    limit: object.limit === undefined ? 50 : readInteger(object.limit, "limit", 1, 500),
    paginationKey: null,
  };
  if (object.pagination_key !== undefined && object.pagination_key !== null) {
    query.paginationKey = readString(object.pagination_key, "pagination_key");
  }
  if (object.filter_criteria !== undefined) readFilterCriteria(object.filter_criteria, query);
  return query;
}

function readFilterCriteria(value: unknown, query: V2ListQuery): void {
  const field = "filter_criteria";
  const filter = readObject(value, field);
  rejectUnknownFields(filter, FILTER_FIELDS, field);
  if (filter.status !== undefined) {
    const statusField = childPath(field, "status");
    query.statuses = readArray(filter.status, statusField).map((status, index) =>
      readEnum(status, childPath(statusField, index), CAMPAIGN_STATUSES),
    );
  }
  if (filter.agent_id !== undefined) {
    const agentField = childPath(field, "agent_id");
    query.agentIds = readArray(filter.agent_id, agentField).map((agentId, index) => readString(agentId, childPath(agentField, index)));
  }
  if (filter.start_timestamp !== undefined) {
    const rangeField = childPath(field, "start_timestamp");
    const range = readObject(filter.start_timestamp, rangeField);
    rejectUnknownFields(range, START_TIMESTAMP_FIELDS, rangeField);
    const readBound = (key: string) =>
      range[key] === undefined ? null : readInteger(range[key], childPath(rangeField, key), 0, Number.MAX_SAFE_INTEGER);
    query.createdFrom = readBound("lower_threshold");
    query.createdTo = readBound("upper_threshold");
  }
}

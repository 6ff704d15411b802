/** The lifecycle matrix (test/native/lifecycle.ts) on one door and language; a file of its own, so the CLI tier runs the doors in parallel. */
import { DOORS, lifecycleMatrix } from "./lifecycle";

lifecycleMatrix(DOORS.dynamicTypeScript);

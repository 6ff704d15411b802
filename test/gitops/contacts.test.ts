import * as assert from "assert";
import * as iconv from "iconv-lite";
import * as path from "path";
import { ContactListError, readContactList, tasksFromCsv, tasksFromJson } from "../../provider/contact-lists";
import { contactListProblems, tempDir, writeFiles } from "./helpers";

describe("contact lists", () => {
  const dir = tempDir();

  describe("tasksFromCsv", () => {
    it("reads a CP949 file (Excel's plain CSV in Korea) by detecting the encoding", () => {
      const text = "phone,var.customerName,meta.crmId\n010-1234-5678,김민수,C-1\n010 2345 6789,이서연,C-2\n";
      const file = path.join(writeFiles(dir, { "cp949.csv": iconv.encode(text, "cp949") }), "cp949.csv");
      const list = tasksFromCsv(file);
      assert.strictEqual(list.encoding, "cp949");
      assert.deepStrictEqual(list.tasks, [
        { callTo: "01012345678", dynamicVariables: { customerName: "김민수" }, metadata: { crmId: "C-1" } },
        { callTo: "01023456789", dynamicVariables: { customerName: "이서연" }, metadata: { crmId: "C-2" } },
      ]);
    });

    it("reads EUC-KR when told, and refuses CP949 bytes declared as UTF-8", () => {
      const file = path.join(
        writeFiles(dir, { "euc-kr.csv": iconv.encode("phone,var.name\n01012345678,홍길동\n", "euc-kr") }),
        "euc-kr.csv",
      );
      assert.strictEqual(tasksFromCsv(file, { encoding: "euc-kr" }).tasks[0].dynamicVariables?.name, "홍길동");
      const [problem] = contactListProblems(() => tasksFromCsv(file, { encoding: "utf-8" }));
      assert.match(problem, /euc-kr\.csv: is not valid UTF-8; .*"cp949"/);
    });

    it('reads UTF-8 with a BOM (Excel\'s "CSV UTF-8") without taking the BOM into the first column name', () => {
      const file = path.join(writeFiles(dir, { "bom.csv": "\ufeffphone,var.name\r\n010-1234-5678,박지훈\r\n" }), "bom.csv");
      const list = tasksFromCsv(file);
      assert.strictEqual(list.encoding, "utf-8");
      assert.deepStrictEqual(list.tasks, [{ callTo: "01012345678", dynamicVariables: { name: "박지훈" } }]);
      assert.deepStrictEqual(list.warnings, []);
    });

    it("names file, line and column for every bad row, with the number masked", () => {
      const file = path.join(
        writeFiles(dir, {
          "broken.csv": [
            "phone,caller_id,var.name",
            "010-1234-5678,,ok",
            "010-1234-567x,,letter in the number",
            "",
            "12345,,too short",
            ",,no number",
            "010-2345-6789,02-12,bad caller id",
            "010-3456-7890,,one,extra",
          ].join("\n"),
        }),
        "broken.csv",
      );
      const problems = contactListProblems(() => tasksFromCsv(file));
      assert.strictEqual(problems.length, 5, problems.join("\n"));
      assert.match(problems[0], /broken\.csv:3 column phone: 010\*+7x contains characters other than digits/);
      assert.match(problems[1], /broken\.csv:5 column phone: \*+ is not a valid Korean phone number/);
      assert.match(problems[2], /broken\.csv:6 column phone: is empty/);
      assert.match(problems[3], /broken\.csv:7 column caller_id: .* is not a valid Korean phone number/);
      assert.match(problems[4], /broken\.csv:8: has 1 value\(s\) after the last of the 3 named columns/);
    });

    it("counts a quoted value over several lines to the line the row starts on", () => {
      const file = path.join(
        writeFiles(dir, { "multiline.csv": 'phone,var.note\n010-1234-5678,"two\nlines"\nnot-a-number,x\n' }),
        "multiline.csv",
      );
      assert.match(contactListProblems(() => tasksFromCsv(file))[0], /multiline\.csv:4 column phone:/);
    });

    it("reports an unclosed quote with its line, without quoting the row", () => {
      const file = path.join(writeFiles(dir, { "quote.csv": 'phone\n010-1234-5678\n"010-2345-6789\n' }), "quote.csv");
      const [problem] = contactListProblems(() => tasksFromCsv(file));
      assert.match(problem, /quote\.csv:\d+: a quoted value is never closed/);
    });

    it("skips empty rows, including rows of empty cells, and leaves empty cells out", () => {
      const file = path.join(writeFiles(dir, { "gaps.csv": "phone,var.a,var.b\n\n,,\n010-1234-5678,,x\n , , \n" }), "gaps.csv");
      assert.deepStrictEqual(tasksFromCsv(file).tasks, [{ callTo: "01012345678", dynamicVariables: { b: "x" } }]);
    });

    it("warns about repeated numbers, however written, and still keeps every row", () => {
      const file = path.join(
        writeFiles(dir, { "dupes.csv": "phone\n010-1234-5678\n010-2345-6789\n+82 10 1234 5678\n01012345678\n" }),
        "dupes.csv",
      );
      const list = tasksFromCsv(file);
      assert.strictEqual(list.tasks.length, 4);
      assert.strictEqual(list.warnings.length, 2);
      assert.match(list.warnings[0], /dupes\.csv:4 column phone: 010\*{6}78 repeats line 2; it will be called once for each$/);
      assert.match(list.warnings[1], /dupes\.csv:5 column phone: 010\*{6}78 repeats line 2;/);
    });

    it("takes other column names and prefixes, matching names without regard to case", () => {
      const file = path.join(
        writeFiles(dir, { "custom.csv": "Mobile,Sender,v_name,m_id,memo\n010-1234-5678,1588-1508,김민수,7,ignored\n" }),
        "custom.csv",
      );
      const list = tasksFromCsv(file, { phoneColumn: "mobile", callerIdColumn: "sender", variablePrefix: "v_", metadataPrefix: "m_" });
      assert.deepStrictEqual(list.tasks, [
        { callTo: "01012345678", presentationNumber: "15881508", dynamicVariables: { name: "김민수" }, metadata: { id: "7" } },
      ]);
      assert.match(list.warnings[0], /custom\.csv:1 column memo: is not mobile, sender, v_\* or m_\*; its values are not sent/);
    });

    it("says which column is missing, and reports repeated column names", () => {
      const file = path.join(writeFiles(dir, { "header.csv": "tel,var.a,var.a\n010-1234-5678,x,y\n" }), "header.csv");
      const problems = contactListProblems(() => tasksFromCsv(file));
      assert.match(problems[0], /header\.csv:1 column var\.a: appears more than once/);
      assert.match(problems[1], /header\.csv:1: the header has no "phone" column \(it has tel, var\.a, var\.a\)/);
    });

    it("refuses a list without rows", () => {
      const file = path.join(writeFiles(dir, { "empty.csv": "phone\n\n" }), "empty.csv");
      assert.match(contactListProblems(() => tasksFromCsv(file))[0], /empty\.csv: must hold at least one task/);
    });

    it("loads 10,000 rows, the most one campaign takes, and refuses one more", () => {
      const rows = (count: number) => Array.from({ length: count }, (_, i) => `010${String(20000000 + i)},고객${i},C-${i}`).join("\n");
      const file = path.join(writeFiles(dir, { "big.csv": `phone,var.name,meta.crmId\n${rows(10_000)}\n` }), "big.csv");
      const list = tasksFromCsv(file);
      assert.strictEqual(list.tasks.length, 10_000);
      assert.deepStrictEqual(list.tasks[9_999], {
        callTo: "01020009999",
        dynamicVariables: { name: "고객9999" },
        metadata: { crmId: "C-9999" },
      });
      assert.deepStrictEqual(list.warnings, []);
      const tooBig = path.join(writeFiles(dir, { "too-big.csv": `phone,var.name,meta.crmId\n${rows(10_001)}\n` }), "too-big.csv");
      assert.match(contactListProblems(() => tasksFromCsv(tooBig))[0], /too-big\.csv: holds more than 10000 tasks/);
    });

    it("lists at most 20 problems in the message, and keeps all of them in `problems`", () => {
      const rows = Array.from({ length: 25 }, () => "not-a-number").join("\n");
      const file = path.join(writeFiles(dir, { "many.csv": `phone\n${rows}\n` }), "many.csv");
      try {
        tasksFromCsv(file);
        assert.fail("loaded");
      } catch (error) {
        assert.ok(error instanceof ContactListError);
        assert.strictEqual(error.problems.length, 25);
        assert.match(error.message, /25 problems/);
        assert.match(error.message, /… and 5 more/);
        assert.doesNotMatch(error.message, /many\.csv:22 /);
      }
    });
  });

  describe("tasksFromJson", () => {
    it("reads an array of tasks in the resource's shape, normalizing numbers", () => {
      const tasks = [{ callTo: "010-1234-5678", dynamicVariables: { customerName: "김민수" }, metadata: { tier: 2 } }];
      const file = path.join(writeFiles(dir, { "list.json": JSON.stringify(tasks) }), "list.json");
      assert.deepStrictEqual(tasksFromJson(file).tasks, [
        { callTo: "01012345678", dynamicVariables: { customerName: "김민수" }, metadata: { tier: 2 } },
      ]);
    });

    it("names the line and field path of every bad entry", () => {
      const text = JSON.stringify([{ callTo: "010-1234-5678" }, { callTo: 1012345678 }, { callTo: "010-2345-6789", extra: true }], null, 2);
      const file = path.join(writeFiles(dir, { "bad.json": text }), "bad.json");
      const problems = contactListProblems(() => tasksFromJson(file));
      assert.match(problems[0], /bad\.json:6: \[1\]\.callTo: must be a phone number written as a string/);
      assert.match(problems[1], /bad\.json:10: \[2\]\.extra: unknown field/);
    });

    it("reports a syntax error with its line and without quoting the text", () => {
      const file = path.join(
        writeFiles(dir, { "syntax.json": '[\n  {"callTo": "010-1234-5678"}\n  {"callTo": "010-2345-6789"}\n]' }),
        "syntax.json",
      );
      const [problem] = contactListProblems(() => tasksFromJson(file));
      assert.match(problem, /syntax\.json:3: /);
    });

    it("warns about repeated numbers with the line of the repeat", () => {
      const text = JSON.stringify([{ callTo: "010-1234-5678" }, { callTo: "01012345678" }], null, 2);
      const file = path.join(writeFiles(dir, { "dupes.json": text }), "dupes.json");
      assert.match(tasksFromJson(file).warnings[0], /dupes\.json:6: \[1\]\.callTo: 010\*+78 repeats entry \[0\]/);
    });

    it("refuses anything but an array", () => {
      const file = path.join(writeFiles(dir, { "object.json": '{"tasks": []}' }), "object.json");
      assert.match(contactListProblems(() => tasksFromJson(file))[0], /object\.json:1: must be a JSON array of tasks/);
    });
  });

  describe("readContactList", () => {
    it("chooses the reader by extension and refuses other files", () => {
      writeFiles(dir, { "pick.CSV": "phone\n010-1234-5678\n", "pick.json": '[{"callTo": "010-1234-5678"}]', "pick.txt": "" });
      assert.strictEqual(readContactList(path.join(dir, "pick.CSV")).tasks.length, 1);
      assert.strictEqual(readContactList(path.join(dir, "pick.json")).tasks.length, 1);
      assert.match(
        contactListProblems(() => readContactList(path.join(dir, "pick.txt")))[0],
        /pick\.txt: a contact list must be a \.csv or \.json file/,
      );
    });

    it("reports a missing file as a problem of the list", () => {
      assert.match(contactListProblems(() => readContactList(path.join(dir, "missing.csv")))[0], /missing\.csv: no such file/);
    });
  });
});

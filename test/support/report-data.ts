/**
 * A hand-built month for report tests (reference day D = 2026-03-31, so the monthly report
 * 2026-03 covers March against February and March 2025). Every figure is chosen so each finding
 * rule fires with numbers a reader can add up:
 * - big (Kitchen): 100 a day in March 2025 and February, 200 a day in March, a session every 5 days in March
 * - riser (Skin Care): 150 a day from Mar 11 (21 days) — new, and up from tier C to B
 * - newbie (Hair Care): 30 a day from Mar 21 (11 days) — new
 * - fall (Home Decor): 50 a day in February, 10 a day in March — the biggest fall, down from B to C
 * - gone (Home Decor): 5 a day Jan 20–29 — dormant on Feb 28, churned on Mar 31
 * February GMV 4,200; March 9,990; March 2025 3,100. Orders: one a seller-day (56 → 94).
 */
import type { Database } from '../../src/core/db/database.ts';
import { sql } from '../../src/core/db/sql.ts';
import { SYSTEM_ACTOR } from '../../src/core/auth/actor.ts';
import { setTargets } from '../../src/core/kpis/target-store.ts';
import { createTask } from '../../src/core/workspace/tasks.ts';
import { logCommunication } from '../../src/core/workspace/communications.ts';
import { insertSellers } from './seller-map-data.ts';

export const REPORT_MONTH = '2026-03';

export async function insertReportMonth(db: Database, options: { evilName?: boolean } = {}): Promise<void> {
  await insertSellers(db, [
    { id: 'big', name: options.evilName ? '=HYPERLINK("http://evil.example","Big")' : 'Big Kitchen', subcategory: 'kitchen', gmv: [{ back: [395, 365], gmv: 100 }, { back: [58, 31], gmv: 100 }, { back: [30, 0], gmv: 200 }], sessions: [{ back: [30, 0], every: 5, views: 1000, gmv: 100 }] },
    { id: 'riser', name: 'Riser Skin', subcategory: 'skin', gmv: [{ back: [20, 0], gmv: 150 }] },
    { id: 'newbie', name: 'Newbie Hair', subcategory: 'hair', gmv: [{ back: [10, 0], gmv: 30 }] },
    { id: 'fall', name: 'Falling Decor', subcategory: 'decor', gmv: [{ back: [58, 31], gmv: 50 }, { back: [30, 0], gmv: 10 }] },
    { id: 'gone', name: 'Gone Decor', subcategory: 'decor', gmv: [{ back: [70, 61], gmv: 5 }] },
  ]);
  await setTargets(db, SYSTEM_ACTOR, [
    { metric: 'gmv', period: REPORT_MONTH, value: 20_000 },
    { metric: 'orders', period: REPORT_MONTH, value: 80 },
  ]);
  await db.run(sql`
    INSERT INTO alerts (rule, metric, scope, period, grain, period_from, period_to, observed, expected, severity, explanation) VALUES
      ('anomaly', 'gmv', 'category', '2026-03-15', 'day', DATE '2026-03-15', DATE '2026-03-15', 900, 300, 'critical',
        '{"sentence":"GMV was 900 on 2026-03-15 against 300 usually, driven by Big Kitchen."}'),
      ('anomaly', 'gmv', 'category', '2026-02-10', 'day', DATE '2026-02-10', DATE '2026-02-10', 10, 150, 'warning', NULL)`);
  await createTask(db, SYSTEM_ACTOR, { title: 'Call Falling Decor about the drop', sellerId: 'fall', dueAt: '2026-03-20', owner: 'ana' });
  await logCommunication(db, SYSTEM_ACTOR, { sellerId: 'big', at: '2026-03-10T10:00:00Z', channel: 'call', direction: 'outbound', subject: 'March plan', nextAction: 'Send the livestream slots', dueAt: '2026-03-25' });
}

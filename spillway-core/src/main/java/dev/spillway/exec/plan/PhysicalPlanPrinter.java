package dev.spillway.exec.plan;

/** Renders a physical plan as an indented tree; the probe side of a join comes first. */
public final class PhysicalPlanPrinter {
    private PhysicalPlanPrinter() {}

    public static String print(PhysicalPlan plan) {
        StringBuilder text = new StringBuilder();
        print(plan, 0, text);
        return text.toString();
    }

    private static void print(PhysicalPlan plan, int depth, StringBuilder text) {
        text.append("  ".repeat(depth)).append(plan.describe()).append('\n');
        for (PhysicalPlan input : plan.inputs()) {
            print(input, depth + 1, text);
        }
    }
}

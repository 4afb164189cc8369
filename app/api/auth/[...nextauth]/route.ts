import { authRoutes } from "@/lib/accounts/auth";

export const { GET, POST } = authRoutes;

// Routes: sign-in and first setup outside the app; every section at its path inside the app frame,
// behind the session gate; a not-found page for the rest, and an error page for anything that
// throws while rendering.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireSession } from '../features/auth/RequireSession';
import { SetupPage } from '../features/auth/SetupPage';
import { SignInPage } from '../features/auth/SignInPage';
import { AppFrame } from './AppFrame';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';
import { sections, type Section } from './sections';

function sectionRoute(section: Section): RouteObject {
  if (section.path === '/') return { index: true, element: section.page };
  const path = section.path.slice(1);
  if (!section.subPath) return { path, element: section.page };
  return {
    path,
    children: [
      { index: true, element: section.page },
      { path: section.subPath, element: section.page },
    ],
  };
}

export function createRouter() {
  return createBrowserRouter([
    {
      path: '/',
      errorElement: <RouteErrorPage />,
      children: [
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'setup', element: <SetupPage /> },
        {
          element: <RequireSession />,
          children: [
            {
              element: <AppFrame />,
              children: [...sections.map(sectionRoute), { path: '*', element: <NotFoundPage /> }],
            },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createRouter>;

// Routes: every section at its path inside the app frame, a not-found page for the rest, and an
// error page for anything that throws while rendering.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppFrame } from './AppFrame';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';
import { sections } from './sections';

const sectionRoutes: RouteObject[] = sections.map((section) =>
  section.path === '/'
    ? { index: true, element: section.page }
    : { path: section.path.slice(1), element: section.page },
);

export function createRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppFrame />,
      errorElement: <RouteErrorPage />,
      children: [...sectionRoutes, { path: '*', element: <NotFoundPage /> }],
    },
  ]);
}
